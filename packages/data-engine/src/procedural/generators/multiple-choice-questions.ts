// Multiple-choice questions about a scene, each with exactly four distinct options: counting,
// colours, shapes and positions. Distractors are plausible (the other counts from 0 to 3, colours
// and shapes that appear in the scene, the other quadrants); the options are shuffled and the
// answer is a letter.

import { COLOUR_NAMES, pluralOf, SHAPES } from '../palette';
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

/** The options of every counting question; the count asked for is one of them, each equally often. */
export const COUNT_OPTIONS: readonly number[] = [0, 1, 2, 3];

/** What the generator decides before it looks for a scene: the count a counting question will have. */
export interface MultipleChoiceWant {
  readonly count: number;
}

/**
 * "How many circles are there?" with the options 0, 1, 2 and 3, for the count the generator drew
 * (uniformly among the options, before the scene): a shape (or a colour) with that many objects
 * in the scene, or null when it has none, and the generator draws another scene. So neither the
 * answer's value nor its rank among the options tells it without looking. Drawing the shape first
 * made the answer 1 for half of the questions and the smallest option for 60% of them, and GRPO
 * learned to answer "1" to every counting question.
 */
const count: SceneQuestionBuilder<MultipleChoiceWant> = (scene, rng, { count: wanted }) => {
  const shapes = SHAPES.filter((shape) => countOf(scene, withShape(shape)) === wanted);
  const colours = COLOUR_NAMES.filter((colour) => countOf(scene, withColour(colour)) === wanted);
  if (shapes.length === 0 && colours.length === 0) return null;
  const byShape = colours.length === 0 || (shapes.length > 0 && rng.chance(0.65));
  const noun = byShape ? pluralOf(rng.pick(shapes)) : `${rng.pick(colours)} shapes`;
  const correct = String(wanted);
  return withOptions(
    rng,
    'count',
    `How many ${noun} are there in the image?`,
    correct,
    COUNT_OPTIONS.map(String).filter((option) => option !== correct),
    `The image shows ${inventory(scene)}, so there ${wanted === 1 ? `is 1 ${noun.replace(/s$/, '')}` : `are ${wanted} ${noun}`}.`,
  );
};

/** "What colour is the star?" for the only star. */
const colour: SceneQuestionBuilder<MultipleChoiceWant> = (scene, rng) => {
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
const shape: SceneQuestionBuilder<MultipleChoiceWant> = (scene, rng) => {
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
const position: SceneQuestionBuilder<MultipleChoiceWant> = (scene, rng) => {
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
export const MULTIPLE_CHOICE_QUESTIONS: Readonly<Record<string, SceneQuestionBuilder<MultipleChoiceWant>>> = { count, colour, shape, position };
