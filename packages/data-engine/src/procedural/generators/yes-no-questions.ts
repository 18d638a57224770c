// Yes/no questions about a scene: attributes ("Is there a blue circle?", "Is the star red?"),
// counts ("Are there exactly 3 squares?") and relations ("Is the red square to the left of the
// green circle?"). Each builder is asked for a given answer, so the generator controls the balance.

import { COLOUR_NAMES, pluralOf, SHAPES } from '../palette';
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

/**
 * What a "no" existence question asks about: `plausible`, a kind the scene lacks whose colour or
 * shape it has (so that one glance at the colours does not answer it); `unrelated`, a kind whose
 * colour and shape are both absent (an easier drill, where any one of them decides).
 */
export type ExistenceNegatives = 'plausible' | 'unrelated';

/** "Is there a blue circle?": a kind the scene shows for "yes", one it lacks (as `negatives` says) for "no". */
export function existenceQuestion(negatives: ExistenceNegatives): SceneQuestionBuilder<YesNoWant> {
  return (scene, rng, { answer: want }) => {
    const absent = COLOUR_NAMES.flatMap((colour) => SHAPES.map((shape) => ({ colour, shape }))).filter(
      (kind) => countOf(scene, sameKind(kind)) === 0,
    );
    const sharesColourOrShape = (kind: (typeof absent)[number]) =>
      countOf(scene, withColour(kind.colour)) > 0 || countOf(scene, withShape(kind.shape)) > 0;
    const preferred = absent.filter((kind) => sharesColourOrShape(kind) === (negatives === 'plausible'));
    if (want === 'no' && negatives === 'unrelated' && preferred.length === 0) return null;
    const asked = want === 'yes' ? rng.pick(scene.objects) : rng.pick(preferred.length > 0 ? preferred : absent);
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
}

const exists = existenceQuestion('plausible');

/** The numbers a counting question asks about: each equally often, whatever the answer. */
export const ASKED_COUNTS: readonly number[] = [1, 2, 3];

/** What the generator decides before it looks for a scene: the answer, and the number a counting question asks about. */
export interface YesNoWant {
  readonly answer: YesNo;
  readonly count: number;
}

/** A shape or colour of the scene, how many objects have it, and its noun for a number of them. */
interface CountedGroup {
  readonly actual: number;
  readonly noun: (n: number) => string;
}

/**
 * "Are there exactly 3 squares?" or "Are there exactly 2 red shapes?", for the number the
 * generator drew: "yes" asks about a shape (or colour) with that many objects, "no" about one the
 * scene has another number of; null when the scene has none. So the number asked says nothing
 * about the answer. Asking about a shape of the scene first made "exactly 1" mostly a "yes"
 * (most shapes occur once): "yes exactly when the number is 1" was right for 14 of the
 * benchmark's 22 counting questions.
 */
const count: SceneQuestionBuilder<YesNoWant> = (scene, rng, { answer: want, count: asked }) => {
  const fits = (group: CountedGroup) => group.actual > 0 && (want === 'yes' ? group.actual === asked : group.actual !== asked);
  const byShape: CountedGroup[] = SHAPES.map((shape) => ({
    actual: countOf(scene, withShape(shape)),
    noun: (n: number) => (n === 1 ? shape : pluralOf(shape)),
  })).filter(fits);
  const byColour: CountedGroup[] = COLOUR_NAMES.map((colour) => ({
    actual: countOf(scene, withColour(colour)),
    noun: (n: number) => `${colour} ${n === 1 ? 'shape' : 'shapes'}`,
  })).filter(fits);
  if (byShape.length === 0 && byColour.length === 0) return null;
  const { actual, noun } = rng.pick(byColour.length === 0 || (byShape.length > 0 && rng.chance(0.6)) ? byShape : byColour);
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
const attribute: SceneQuestionBuilder<YesNoWant> = (scene, rng, { answer: want }) => {
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
const relation: SceneQuestionBuilder<YesNoWant> = (scene, rng, { answer: want }) => {
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
export const YES_NO_QUESTIONS: Readonly<Record<string, SceneQuestionBuilder<YesNoWant>>> = { exists, count, attribute, relation };
