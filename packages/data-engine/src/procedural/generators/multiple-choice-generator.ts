// Multiple-choice questions (task `multiple_choice`) about a scene of shapes: counting, colours,
// shapes and positions, with four option texts and a letter as the answer.

import { renderSvgToPng } from '@mixed-r1/vision';
import type { ProceduralGenerator } from '../../generator';
import { Rng } from '../rng';
import { proceduralSample, randomImageSize } from '../sample';
import { sceneSvg } from '../scene/draw-scene';
import { questionScene } from '../scene/scene-question';
import { sceneDetails } from '../scene/scene-search';
import { COUNT_OPTIONS, MULTIPLE_CHOICE_QUESTIONS } from './multiple-choice-questions';

export const MULTIPLE_CHOICE_GENERATOR_NAME = 'multiple-choice';

export const multipleChoiceGenerator: ProceduralGenerator = {
  name: MULTIPLE_CHOICE_GENERATOR_NAME,
  task: 'multiple_choice',
  async generate(seed, index) {
    const rng = Rng.forSample(seed, MULTIPLE_CHOICE_GENERATOR_NAME, index);
    const [width, height] = randomImageSize(rng.derive('size'));
    // the count a counting question will have is drawn before the scene too (questionScene says why)
    const want = { count: rng.derive('count').pick(COUNT_OPTIONS) };
    const { scene, plan: question } = questionScene(rng, width, height, MULTIPLE_CHOICE_QUESTIONS, want);
    const png = await renderSvgToPng(sceneSvg(scene), width, height);
    return proceduralSample({
      generator: MULTIPLE_CHOICE_GENERATOR_NAME,
      task: 'multiple_choice',
      seed,
      index,
      question: question.question,
      options: question.options,
      answer: question.answer,
      png,
      width,
      height,
      reasoning: question.reasoning,
      details: { scene: sceneDetails(scene), question: { kind: question.kind, options: question.options } },
    });
  },
};
