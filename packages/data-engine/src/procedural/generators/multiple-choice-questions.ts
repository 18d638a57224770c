// Multiple-choice questions about a scene, each with exactly four distinct options: counting,
// colours, shapes and positions. Distractors are plausible (nearby counts, colours and shapes that
// appear in the scene, the other quadrants); the options are shuffled and the answer is a letter.

import { COLOUR_NAMES, pluralOf, SHAPES, type ShapeKind } from '../palette';
import type { Rng } from '../rng';
import { articleFor, countOf, inventory, QUADRANTS, quadrantOf, uniqueReferents, withColour, withShape } from '../scene/describe';
import type { SceneQuestion, SceneQuestionBuilder } from '../scene/scene-question';

/** Every multiple-choice question has this many options. */
export const OPTION_COUNT = 4;
export const OPTION_LETTERS = ['A', 'B', 'C', 'D'] as const;

/** The question with its correct option among shuffled distractors; the answer is the letter. */
function withOptions(
  rng: Rng,
  kind: string,
  question: string,
  correct: string,
  distractors: readonly string[],
  facts: string,
): SceneQuestion {
  const options = rng.shuffle([correct, ...distractors.slice(0, OPTION_COUNT - 1)]);
  if (new Set(options).size !== OPTION_COUNT) {
    throw new Error(
      `multiple choice: options of "${question}" must be ${OPTION_COUNT} distinct texts, found ${JSON.stringify(options)}`,
    );
  }
  const letter = OPTION_LETTERS[options.indexOf(correct)];
  return { kind, question, answer: letter, options, reasoning: `${facts} That is option ${letter}, "${correct}".` };
}

/** Distinct items of `preferred` first, then of `rest`, excluding `correct`, in random order within each. */
function distractorsFrom<T>(rng: Rng, correct: T, preferred: readonly T[], rest: readonly T[]): T[] {
  const ordered = [...rng.shuffle([...new Set(preferred)]), ...rng.shuffle(rest)];
  return [...new Set(ordered.filter((item) => item !== correct))];
}

/**
 * "How many circles are there?" with four consecutive counts as options. The run's place around
 * the true count is drawn at random (as low as zero allows), so for counts of 3 or more the
 * answer's rank among the options says nothing (counts of 0 and 1 have no smaller options and
 * stay low). With the nearest counts as distractors (n-1, n+1, n-2) the answer was always the
 * second largest, a shortcut a policy learns without looking at the image.
 */
const count: SceneQuestionBuilder<null> = (scene, rng) => {
  const byShape = rng.chance(0.65);
  const shape: ShapeKind = rng.chance(0.85) ? rng.pick(scene.objects).shape : rng.pick(SHAPES);
  const colour = rng.pick(scene.objects).colour;
  const actual = byShape ? countOf(scene, withShape(shape)) : countOf(scene, withColour(colour));
  const noun = byShape ? pluralOf(shape) : `${colour} shapes`;
  const lowest = rng.int(Math.max(0, actual - (OPTION_COUNT - 1)), actual);
  const run = Array.from({ length: OPTION_COUNT }, (_, i) => lowest + i);
  const distractors = run.filter((n) => n !== actual).map(String);
  return withOptions(
    rng,
    'count',
    `How many ${noun} are there in the image?`,
    String(actual),
    distractors,
    `The image shows ${inventory(scene)}, so there ${actual === 1 ? `is 1 ${noun.replace(/s$/, '')}` : `are ${actual} ${noun}`}.`,
  );
};

/** "What colour is the star?" for the only star. */
const colour: SceneQuestionBuilder<null> = (scene, rng) => {
  const referents = uniqueReferents(scene).filter((referent) => referent.by === 'shape');
  if (referents.length === 0) return null;
  const { object } = rng.pick(referents);
  const inScene = scene.objects.map((other) => other.colour);
  return withOptions(
    rng,
    'colour',
    `What colour is the ${object.shape}?`,
    object.colour,
    distractorsFrom(rng, object.colour, inScene, COLOUR_NAMES),
    `There is only one ${object.shape} in the image, and it is ${object.colour}.`,
  );
};

/** "What shape is the green object?" for the only green object. */
const shape: SceneQuestionBuilder<null> = (scene, rng) => {
  const referents = uniqueReferents(scene).filter((referent) => referent.by === 'colour');
  if (referents.length === 0) return null;
  const { object } = rng.pick(referents);
  return withOptions(
    rng,
    'shape',
    `What shape is the ${object.colour} object?`,
    object.shape,
    distractorsFrom(
      rng,
      object.shape,
      scene.objects.map((other) => other.shape),
      SHAPES,
    ),
    `The only ${object.colour} object in the image is ${articleFor(object.shape)} ${object.shape}.`,
  );
};

/** "Where is the red circle in the image?" for an object lying wholly in one quadrant. */
const position: SceneQuestionBuilder<null> = (scene, rng) => {
  const placed = uniqueReferents(scene)
    .filter((referent) => referent.by !== 'position in its group')
    .map((referent) => ({ referent, quadrant: quadrantOf(referent.object, scene) }))
    .filter((entry) => entry.quadrant !== null);
  if (placed.length === 0) return null;
  const { referent, quadrant } = rng.pick(placed);
  const { object } = referent;
  const correct = quadrant as string;
  return withOptions(
    rng,
    'position',
    `Where is the ${referent.phrase} in the image?`,
    correct,
    QUADRANTS.filter((other) => other !== correct),
    `The image is ${scene.width}x${scene.height} pixels. The ${referent.phrase} spans ` +
      `x from ${object.x} to ${object.x + object.size} and y from ${object.y} to ${object.y + object.size}, ` +
      `so it lies in the ${correct} quarter.`,
  );
};

/** Every multiple-choice question kind, by name. */
export const MULTIPLE_CHOICE_QUESTIONS: Readonly<Record<string, SceneQuestionBuilder<null>>> = { count, colour, shape, position };
