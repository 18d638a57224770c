// Yes/no questions about a scene: attributes ("Is there a blue circle?", "Is the star red?"),
// counts ("Are there exactly 3 squares?") and relations ("Is the red square to the left of the
// green circle?"). Each builder is asked for a given answer, so the generator controls the balance.

import { COLOUR_NAMES, pluralOf, SHAPES, type ColourName, type ShapeKind } from '../palette';
import {
  articleFor,
  clearlyRelated,
  countOf,
  inventory,
  oppositeOf,
  RELATION_WORDS,
  RELATIONS,
  sameKind,
  uniqueReferents,
  withColour,
  withShape,
  type Referent,
} from '../scene/describe';
import type { SceneObject } from '../scene/scene';
import type { SceneQuestionBuilder } from '../scene/scene-question';

export type YesNo = 'yes' | 'no';

const EXISTS_TEMPLATES = ['Is there {a} {kind} in the image?', 'Does the image contain {a} {kind}?', 'Can you see {a} {kind}?'];

const exists: SceneQuestionBuilder<YesNo> = (scene, rng, want) => {
  const absent = COLOUR_NAMES.flatMap((colour) => SHAPES.map((shape) => ({ colour, shape }))).filter(
    (kind) => countOf(scene, sameKind(kind)) === 0,
  );
  const plausible = absent.filter(
    (kind) => countOf(scene, withColour(kind.colour)) > 0 || countOf(scene, withShape(kind.shape)) > 0,
  );
  const asked = want === 'yes' ? rng.pick(scene.objects) : rng.pick(plausible.length > 0 ? plausible : absent);
  const kind = `${asked.colour} ${asked.shape}`;
  const count = countOf(scene, sameKind(asked));
  const present = count === 1 ? `is ${articleFor(kind)} ${kind}` : `are ${count} ${asked.colour} ${pluralOf(asked.shape)}`;
  return {
    kind: 'exists',
    question: rng.pick(EXISTS_TEMPLATES).replace('{a}', articleFor(asked.colour)).replace('{kind}', kind),
    answer: want,
    reasoning:
      want === 'yes'
        ? `The image shows ${inventory(scene)}. There ${present}.`
        : `The image shows ${inventory(scene)}. None of them is ${articleFor(kind)} ${kind}.`,
  };
};

/** "Are there exactly 3 squares?" or "Are there exactly 2 red shapes?". */
const count: SceneQuestionBuilder<YesNo> = (scene, rng, want) => {
  const byShape = rng.chance(0.6);
  const shape: ShapeKind = rng.pick(scene.objects).shape;
  const colour: ColourName = rng.pick(scene.objects).colour;
  const actual = byShape ? countOf(scene, withShape(shape)) : countOf(scene, withColour(colour));
  const wrong = [actual - 2, actual - 1, actual + 1, actual + 2].filter((n) => n >= 1);
  const asked = want === 'yes' ? actual : rng.pick(wrong);
  const noun = (n: number) => (byShape ? (n === 1 ? shape : pluralOf(shape)) : `${colour} ${n === 1 ? 'shape' : 'shapes'}`);
  const question = asked === 1 ? `Is there exactly 1 ${noun(1)}?` : `Are there exactly ${asked} ${noun(asked)}?`;
  return {
    kind: 'count',
    question,
    answer: want,
    reasoning:
      `The image shows ${inventory(scene)}. Counting them, there ${actual === 1 ? 'is' : 'are'} ${actual} ${noun(actual)}` +
      (want === 'yes' ? '.' : `, not ${asked}.`),
  };
};

/** "Is the star red?" (the only star) or "Is the green shape a circle?" (the only green shape). */
const attribute: SceneQuestionBuilder<YesNo> = (scene, rng, want) => {
  const referents = uniqueReferents(scene).filter((referent) => referent.by === 'shape' || referent.by === 'colour');
  if (referents.length === 0) return null;
  const referent = rng.pick(referents);
  const { object } = referent;
  if (referent.by === 'shape') {
    const colour = want === 'yes' ? object.colour : rng.pick(COLOUR_NAMES.filter((name) => name !== object.colour));
    return {
      kind: 'attribute',
      question: `Is the ${object.shape} ${colour}?`,
      answer: want,
      reasoning: `There is only one ${object.shape} in the image, and it is ${object.colour}.`,
    };
  }
  const shape = want === 'yes' ? object.shape : rng.pick(SHAPES.filter((name) => name !== object.shape));
  return {
    kind: 'attribute',
    question: `Is the ${object.colour} shape ${articleFor(shape)} ${shape}?`,
    answer: want,
    reasoning: `There is only one ${object.colour} shape in the image, and it is ${articleFor(object.shape)} ${object.shape}.`,
  };
};

function span(object: SceneObject, axis: 'x' | 'y'): string {
  const start = axis === 'x' ? object.x : object.y;
  return `${axis} from ${start} to ${start + object.size}`;
}

/** "Is the red square to the left of the green circle?" for two objects clearly apart on that axis. */
const relation: SceneQuestionBuilder<YesNo> = (scene, rng, want) => {
  const named = uniqueReferents(scene).filter((referent) => referent.by !== 'position in its group');
  const pairs: { a: Referent; b: Referent; holds: (typeof RELATIONS)[number] }[] = [];
  for (const a of named) {
    for (const b of named) {
      if (a.object === b.object) continue;
      for (const holds of RELATIONS) if (clearlyRelated(a.object, holds, b.object)) pairs.push({ a, b, holds });
    }
  }
  if (pairs.length === 0) return null;
  const { a, b, holds } = rng.pick(pairs);
  const asked = want === 'yes' ? holds : oppositeOf(holds);
  const axis = holds === 'left of' || holds === 'right of' ? 'x' : 'y';
  return {
    kind: 'relation',
    question: `Is the ${a.phrase} ${RELATION_WORDS[asked]} the ${b.phrase}?`,
    answer: want,
    reasoning:
      `The ${a.phrase} spans ${span(a.object, axis)} and the ${b.phrase} spans ${span(b.object, axis)}, ` +
      `so the ${a.phrase} is ${RELATION_WORDS[holds]} the ${b.phrase}.`,
  };
};

/** Every yes/no question kind, by name. */
export const YES_NO_QUESTIONS: Readonly<Record<string, SceneQuestionBuilder<YesNo>>> = { exists, count, attribute, relation };
