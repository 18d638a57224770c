// Grounding (task `grounding`): shapes of named colours; the question names exactly one of them
// (by colour and shape, by shape, by colour, or by its position among look-alikes) and the answer
// is its exact bounding box [x1, y1, x2, y2] in pixels of the stored image.

import { renderSvgToPng } from '@mixed-r1/vision';
import type { ProceduralGenerator } from '../../generator';
import { pluralOf } from '../palette';
import { Rng } from '../rng';
import { boxText, proceduralSample, randomImageSize } from '../sample';
import { countOf, inventory, numberWord, RELATION_WORDS, sameKind, uniqueReferents, type Referent } from '../scene/describe';
import { sceneSvg } from '../scene/draw-scene';
import { boxOf, type Scene } from '../scene/scene';
import { findScene, sceneDetails } from '../scene/scene-search';

export const GROUNDING_GENERATOR_NAME = 'grounding';

const TEMPLATES = [
  'Locate the {ref} in the image and give its bounding box as [x1, y1, x2, y2] in pixels.',
  'Where is the {ref}? Answer with its bounding box [x1, y1, x2, y2].',
  'Output the bounding box [x1, y1, x2, y2] of the {ref}.',
  'Find the {ref} and give the pixel coordinates of its bounding box as [x1, y1, x2, y2].',
] as const;

/** Why the phrase names this object and no other. */
function whyUnique(referent: Referent, scene: Scene): string {
  const { object } = referent;
  const reasons: Readonly<Record<Referent['by'], () => string>> = {
    'colour and shape': () => `It is the only ${object.colour} ${object.shape}.`,
    shape: () => `It is the only ${object.shape}.`,
    colour: () => `It is the only ${object.colour} shape, a ${object.shape}.`,
    'position in its group': () => {
      const count = countOf(scene, sameKind(object));
      const others = count === 2 ? 'the other one' : `the other ${numberWord(count - 1)}`;
      const where = referent.relation ? RELATION_WORDS[referent.relation] : 'apart from';
      const group = `${numberWord(count)} ${object.colour} ${pluralOf(object.shape)}`;
      return `There are ${group}; the ${referent.phrase} is entirely ${where} ${others}.`;
    },
  };
  return reasons[referent.by]();
}

export const groundingGenerator: ProceduralGenerator = {
  name: GROUNDING_GENERATOR_NAME,
  task: 'grounding',
  async generate(seed, index) {
    const rng = Rng.forSample(seed, GROUNDING_GENERATOR_NAME, index);
    const [width, height] = randomImageSize(rng.derive('size'));
    const { scene, plan: referent } = findScene(rng, width, height, 2, (candidate, planRng) => {
      const referents = uniqueReferents(candidate);
      return referents.length > 0 ? planRng.pick(referents) : null;
    });
    const template = rng.derive('template').pick(TEMPLATES);
    const box = boxOf(referent.object);
    const answer = boxText(box);
    const reasoning =
      `The image is ${width}x${height} pixels and shows ${inventory(scene)}. ${whyUnique(referent, scene)} ` +
      `Its left edge is at x = ${box[0]}, its top at y = ${box[1]}, ` +
      `its right edge at x = ${box[2]} and its bottom at y = ${box[3]}.`;
    const png = await renderSvgToPng(sceneSvg(scene), width, height);
    return proceduralSample({
      generator: GROUNDING_GENERATOR_NAME,
      task: 'grounding',
      seed,
      index,
      question: template.replace('{ref}', referent.phrase),
      answer,
      answerBox: box,
      png,
      width,
      height,
      reasoning,
      details: {
        scene: sceneDetails(scene),
        question: { template, referent: referent.phrase, by: referent.by, target: scene.objects.indexOf(referent.object) },
      },
    });
  },
};
