// Open-ended descriptions (task `open_ended`): a scene of shapes and a caption of several
// sentences generated from the scene model, so every statement in it is true of the image.

import { renderSvgToPng } from '@mixed-r1/vision';
import type { ProceduralGenerator } from '../../generator';
import { Rng } from '../rng';
import { proceduralSample, randomImageSize } from '../sample';
import { sceneSvg } from '../scene/draw-scene';
import { findScene, sceneDetails } from '../scene/scene-search';
import { sceneCaption } from './scene-caption';

export const OPEN_ENDED_GENERATOR_NAME = 'open-ended';

/** Scenes too plain for a caption of this many sentences are drawn again. */
const MIN_SENTENCES = 4;

const QUESTIONS = [
  'Describe the image in detail.',
  'Describe this image.',
  'What do you see in this image? Describe it in a few sentences.',
  'Write a detailed caption for this image.',
] as const;

export const openEndedGenerator: ProceduralGenerator = {
  name: OPEN_ENDED_GENERATOR_NAME,
  task: 'open_ended',
  async generate(seed, index) {
    const rng = Rng.forSample(seed, OPEN_ENDED_GENERATOR_NAME, index);
    const [width, height] = randomImageSize(rng.derive('size'));
    const { scene, plan: caption } = findScene(rng, width, height, 2, (candidate, planRng) => {
      const described = sceneCaption(candidate, planRng);
      return described.sentences >= MIN_SENTENCES ? described : null;
    });
    const question = rng.derive('question').pick(QUESTIONS);
    const png = await renderSvgToPng(sceneSvg(scene), width, height);
    return proceduralSample({
      generator: OPEN_ENDED_GENERATOR_NAME,
      task: 'open_ended',
      seed,
      index,
      question,
      answer: caption.caption,
      png,
      width,
      height,
      reasoning: caption.reasoning,
      details: { scene: sceneDetails(scene), question: { template: question } },
    });
  },
};
