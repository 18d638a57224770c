// Yes/no questions (task `yes_no`) about a scene of shapes: attributes, counts and relations.
// Answers alternate with the index (the parity of seed + index), so any run of consecutive
// indices is balanced to within one sample.

import { renderSvgToPng } from '@mixed-r1/vision';
import type { ProceduralGenerator } from '../../generator';
import { Rng } from '../rng';
import { proceduralSample, randomImageSize } from '../sample';
import { sceneSvg } from '../scene/draw-scene';
import { questionScene } from '../scene/scene-question';
import { sceneDetails } from '../scene/scene-search';
import { ASKED_COUNTS, YES_NO_QUESTIONS, type YesNo } from './yes-no-questions';

export const YES_NO_GENERATOR_NAME = 'yes-no';

/** The answer of sample `index`: "yes" and "no" alternate. */
export function yesNoAnswerOf(seed: number, index: number): YesNo {
  return (seed % 2) === (index % 2) ? 'yes' : 'no';
}

export const yesNoGenerator: ProceduralGenerator = {
  name: YES_NO_GENERATOR_NAME,
  task: 'yes_no',
  async generate(seed, index) {
    const rng = Rng.forSample(seed, YES_NO_GENERATOR_NAME, index);
    const [width, height] = randomImageSize(rng.derive('size'));
    // the number a counting question asks about is drawn before the scene, like the answer (questionScene says why)
    const want = { answer: yesNoAnswerOf(seed, index), count: rng.derive('count').pick(ASKED_COUNTS) };
    const { scene, plan: question } = questionScene(rng, width, height, YES_NO_QUESTIONS, want);
    const png = await renderSvgToPng(sceneSvg(scene), width, height);
    return proceduralSample({
      generator: YES_NO_GENERATOR_NAME,
      task: 'yes_no',
      seed,
      index,
      question: question.question,
      answer: question.answer,
      png,
      width,
      height,
      reasoning: question.reasoning,
      details: { scene: sceneDetails(scene), question: { kind: question.kind } },
    });
  },
};
