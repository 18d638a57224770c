// An independent reading of a procedural sample for tests: the scene from its metadata, and
// referring phrases resolved against that scene without the generators' own code.

import type { SampleRow } from '@mixed-r1/records';

export interface OracleObject {
  readonly shape: string;
  readonly colour: string;
  readonly box: readonly [number, number, number, number];
}

export interface OracleScene {
  readonly width: number;
  readonly height: number;
  readonly background: string;
  readonly objects: readonly OracleObject[];
}

export interface ParsedMetadata {
  readonly generator: string;
  readonly seed: number;
  readonly index: number;
  readonly scene?: OracleScene;
  readonly chart?: {
    kind: string;
    labels: string[];
    values: number[];
    showValues: boolean;
    colours: string[];
    labelNoun: string;
  };
  readonly question: Record<string, unknown>;
}

export function metadataOf(sample: SampleRow): ParsedMetadata {
  if (sample.metadata === null) throw new Error(`${sample.id}: no metadata`);
  return JSON.parse(sample.metadata) as ParsedMetadata;
}

export function sceneOf(sample: SampleRow): OracleScene {
  const scene = metadataOf(sample).scene;
  if (!scene) throw new Error(`${sample.id}: no scene in metadata`);
  return scene;
}

const COLOUR_WORDS = ['red', 'orange', 'yellow', 'green', 'blue', 'purple', 'brown', 'black'];
const SHAPE_WORDS = ['circle', 'square', 'triangle', 'star', 'diamond'];

/** a entirely left of / right of / above / below every other. */
const EXTREMES: Readonly<Record<string, (a: OracleObject, b: OracleObject) => boolean>> = {
  left: (a, b) => a.box[2] < b.box[0],
  right: (a, b) => b.box[2] < a.box[0],
  top: (a, b) => a.box[3] < b.box[1],
  bottom: (a, b) => b.box[3] < a.box[1],
};

const POSITION_WORDS: readonly [RegExp, string][] = [
  [/ on the left$/, 'left'],
  [/ on the right$/, 'right'],
  [/ at the top$/, 'top'],
  [/ at the bottom$/, 'bottom'],
  [/^leftmost /, 'left'],
  [/^rightmost /, 'right'],
  [/^topmost /, 'top'],
  [/^bottommost /, 'bottom'],
];

/** Every object a phrase such as "red triangle", "star", "blue shape", "leftmost red circle" can mean. */
export function resolvePhrase(phrase: string, scene: OracleScene): OracleObject[] {
  let rest = phrase.trim();
  let extreme: string | null = null;
  for (const [pattern, side] of POSITION_WORDS) {
    if (pattern.test(rest)) {
      extreme = side;
      rest = rest.replace(pattern, '');
    }
  }
  const words = rest.split(' ');
  const colour = words.find((word) => COLOUR_WORDS.includes(word));
  const shape = words.find((word) => SHAPE_WORDS.includes(word));
  const known = (word: string) => COLOUR_WORDS.includes(word) || SHAPE_WORDS.includes(word) || word === 'shape' || word === 'object';
  if (!words.every(known)) {
    throw new Error(`resolvePhrase: cannot read "${phrase}"`);
  }
  const matching = scene.objects.filter((object) => (!colour || object.colour === colour) && (!shape || object.shape === shape));
  if (extreme === null) return matching;
  const beats = EXTREMES[extreme];
  return matching.filter((object) => matching.every((other) => other === object || beats(object, other)));
}

/** True when every metadata object is drawn, with the same shape, colour and box (to 1 px), and nothing else is. */
export function sceneMatchesPixels(scene: OracleScene, drawn: readonly OracleObject[]): boolean {
  if (drawn.length !== scene.objects.length) return false;
  return scene.objects.every((object) =>
    drawn.some(
      (seen) =>
        seen.shape === object.shape &&
        seen.colour === object.colour &&
        seen.box.every((edge, k) => Math.abs(edge - object.box[k]) <= 1),
    ),
  );
}

const RELATION_TESTS: Readonly<Record<string, (a: OracleObject, b: OracleObject) => boolean>> = {
  'to the left of': (a, b) => a.box[2] < b.box[0],
  'to the right of': (a, b) => b.box[2] < a.box[0],
  above: (a, b) => a.box[3] < b.box[1],
  below: (a, b) => b.box[3] < a.box[1],
};

const OPPOSITE_RELATION: Readonly<Record<string, string>> = {
  'to the left of': 'to the right of',
  'to the right of': 'to the left of',
  above: 'below',
  below: 'above',
};

function only(phrase: string, scene: OracleScene): OracleObject {
  const found = resolvePhrase(phrase, scene);
  if (found.length !== 1) throw new Error(`"${phrase}" names ${found.length} objects, not one`);
  return found[0];
}

function nounCount(noun: string, scene: OracleScene): number {
  const words = noun.split(' ');
  const singular = (word: string) => word.replace(/s$/, '');
  if (words.length === 2 && singular(words[1]) === 'shape') {
    return scene.objects.filter((object) => object.colour === words[0]).length;
  }
  if (words.length === 1) return scene.objects.filter((object) => object.shape === singular(words[0])).length;
  throw new Error(`cannot count "${noun}"`);
}

/** How many objects a counting noun ("squares", "red shapes") covers. */
export function countNoun(noun: string, scene: OracleScene): number {
  return nounCount(noun, scene);
}

/**
 * The answer to a yes/no question about a scene, worked out from the question text alone; a
 * relation must hold clearly one way or the other (boxes apart on that axis), else it throws.
 */
export function answerYesNo(question: string, scene: OracleScene): 'yes' | 'no' {
  const yes = (truth: boolean) => (truth ? 'yes' : 'no');
  let match = /^Is the (.+) (to the left of|to the right of|above|below) the (.+)\?$/.exec(question);
  if (match) {
    const [a, b] = [only(match[1], scene), only(match[3], scene)];
    const holds = RELATION_TESTS[match[2]](a, b);
    if (!holds && !RELATION_TESTS[OPPOSITE_RELATION[match[2]]](a, b)) throw new Error(`"${question}": the relation is not clear`);
    return yes(holds);
  }
  match = /^(?:Is there|Does the image contain|Can you see) an? (\w+) (\w+)(?: in the image)?\?$/.exec(question);
  if (match) {
    const [, colour, shape] = match;
    return yes(scene.objects.some((object) => object.colour === colour && object.shape === shape));
  }
  match = /^(?:Is there|Are there) exactly (\d+) (.+)\?$/.exec(question);
  if (match) return yes(nounCount(match[2], scene) === Number(match[1]));
  match = /^Is the (\w+) shape an? (\w+)\?$/.exec(question);
  if (match) return yes(only(`${match[1]} shape`, scene).shape === match[2]);
  match = /^Is the (\w+) (\w+)\?$/.exec(question);
  if (match) return yes(only(match[1], scene).colour === match[2]);
  throw new Error(`answerYesNo: cannot read "${question}"`);
}

/** The quadrant that holds a box wholly, or null. */
export function quadrantOfBox(box: readonly number[], scene: OracleScene): string | null {
  const [x1, y1, x2, y2] = box;
  const [midX, midY] = [scene.width / 2, scene.height / 2];
  const column = x2 <= midX ? 'left' : x1 >= midX ? 'right' : null;
  const row = y2 <= midY ? 'top' : y1 >= midY ? 'bottom' : null;
  return column && row ? `${row} ${column}` : null;
}

/** The correct option text of a multiple-choice question about a scene, from the question text alone. */
export function answerMultipleChoice(question: string, scene: OracleScene): string {
  let match = /^How many (.+) are there in the image\?$/.exec(question);
  if (match) return String(nounCount(match[1], scene));
  match = /^What colour is the (\w+)\?$/.exec(question);
  if (match) return only(match[1], scene).colour;
  match = /^What shape is the (\w+) object\?$/.exec(question);
  if (match) return only(`${match[1]} object`, scene).shape;
  match = /^Where is the (.+) in the image\?$/.exec(question);
  if (match) {
    const quadrant = quadrantOfBox(only(match[1], scene).box, scene);
    if (!quadrant) throw new Error(`"${question}": the object straddles a middle line`);
    return quadrant;
  }
  throw new Error(`answerMultipleChoice: cannot read "${question}"`);
}
