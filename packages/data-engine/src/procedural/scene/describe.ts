// Facts about a scene, computed from the model: unique referring phrases, clear spatial relations
// between objects, the region of the image an object lies in, and counts. A relation or region is
// only stated where it holds with no ambiguity (boxes fully apart on that axis).

import { pluralOf, type ColourName, type ShapeKind } from '../palette';
import type { Scene, SceneObject } from './scene';

/** "the red triangle", "the star", "the blue shape", "the green circle on the left". */
export interface Referent {
  readonly object: SceneObject;
  /** The noun phrase without article: "red triangle", "green circle on the left". */
  readonly phrase: string;
  /** How the phrase singles the object out. */
  readonly by: 'colour and shape' | 'shape' | 'colour' | 'position in its group';
  /** For a position in its group: where the object is relative to every other of its kind. */
  readonly relation?: Relation;
}

export type Relation = 'left of' | 'right of' | 'above' | 'below';
export const RELATIONS: readonly Relation[] = ['left of', 'right of', 'above', 'below'];

/** How a relation is said in English: "to the left of", "above". */
export const RELATION_WORDS: Readonly<Record<Relation, string>> = {
  'left of': 'to the left of',
  'right of': 'to the right of',
  above: 'above',
  below: 'below',
};

const OPPOSITE: Readonly<Record<Relation, Relation>> = {
  'left of': 'right of',
  'right of': 'left of',
  above: 'below',
  below: 'above',
};

export function oppositeOf(relation: Relation): Relation {
  return OPPOSITE[relation];
}

/** True when a's box lies entirely on that side of b's box (no overlap on that axis). */
export function clearlyRelated(a: SceneObject, relation: Relation, b: SceneObject): boolean {
  const tests: Readonly<Record<Relation, () => boolean>> = {
    'left of': () => a.x + a.size < b.x,
    'right of': () => b.x + b.size < a.x,
    above: () => a.y + a.size < b.y,
    below: () => b.y + b.size < a.y,
  };
  return tests[relation]();
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** "three" for 3; digits beyond ten. */
export function numberWord(count: number): string {
  return NUMBER_WORDS[count] ?? String(count);
}

/** "one circle", "three squares". */
export function countPhrase(count: number, shape: ShapeKind): string {
  return `${numberWord(count)} ${count === 1 ? shape : pluralOf(shape)}`;
}

export function countOf(scene: Scene, predicate: (object: SceneObject) => boolean): number {
  return scene.objects.filter(predicate).length;
}

export function sameKind(a: Pick<SceneObject, 'shape' | 'colour'>): (b: SceneObject) => boolean {
  return (b) => b.shape === a.shape && b.colour === a.colour;
}

export function withShape(shape: ShapeKind): (object: SceneObject) => boolean {
  return (object) => object.shape === shape;
}

export function withColour(colour: ColourName): (object: SceneObject) => boolean {
  return (object) => object.colour === colour;
}

const GROUP_POSITIONS: readonly { relation: Relation; pair: string; many: string }[] = [
  { relation: 'left of', pair: 'on the left', many: 'leftmost' },
  { relation: 'right of', pair: 'on the right', many: 'rightmost' },
  { relation: 'above', pair: 'at the top', many: 'topmost' },
  { relation: 'below', pair: 'at the bottom', many: 'bottommost' },
];

/** Phrases for objects that share colour and shape with others but are clearly first along one side. */
function groupReferents(scene: Scene, object: SceneObject): Referent[] {
  const group = scene.objects.filter(sameKind(object));
  if (group.length < 2) return [];
  const others = group.filter((other) => other !== object);
  const kind = `${object.colour} ${object.shape}`;
  return GROUP_POSITIONS.filter(({ relation }) => others.every((other) => clearlyRelated(object, relation, other))).map(
    ({ relation, pair, many }) => ({
      object,
      phrase: group.length === 2 ? `${kind} ${pair}` : `${many} ${kind}`,
      by: 'position in its group' as const,
      relation,
    }),
  );
}

/** Every phrase that names exactly one object of the scene. */
export function uniqueReferents(scene: Scene): Referent[] {
  const referents: Referent[] = [];
  for (const object of scene.objects) {
    if (countOf(scene, sameKind(object)) === 1) {
      referents.push({ object, phrase: `${object.colour} ${object.shape}`, by: 'colour and shape' });
    }
    if (countOf(scene, withShape(object.shape)) === 1) referents.push({ object, phrase: object.shape, by: 'shape' });
    if (countOf(scene, withColour(object.colour)) === 1) {
      referents.push({ object, phrase: `${object.colour} shape`, by: 'colour' });
    }
    referents.push(...groupReferents(scene, object));
  }
  return referents;
}

export type Quadrant = 'top left' | 'top right' | 'bottom left' | 'bottom right';
export const QUADRANTS: readonly Quadrant[] = ['top left', 'top right', 'bottom left', 'bottom right'];

/** The quadrant of the image that holds the object's whole box, or null when it straddles a middle line. */
export function quadrantOf(object: SceneObject, scene: Scene): Quadrant | null {
  const midX = scene.width / 2;
  const midY = scene.height / 2;
  const right = object.x >= midX;
  const left = object.x + object.size <= midX;
  const bottom = object.y >= midY;
  const top = object.y + object.size <= midY;
  if (!(left || right) || !(top || bottom)) return null;
  return `${top ? 'top' : 'bottom'} ${left ? 'left' : 'right'}` as Quadrant;
}

const THIRDS_WORDS = [
  ['in the top left corner', 'at the top', 'in the top right corner'],
  ['on the left', 'in the center', 'on the right'],
  ['in the bottom left corner', 'at the bottom', 'in the bottom right corner'],
];

/** Where the object's centre is, by thirds of the image: "in the top left corner", "in the center". */
export function regionPhrase(object: SceneObject, scene: Scene): string {
  const third = (centre: number, extent: number) => Math.min(2, Math.floor((3 * centre) / extent));
  const column = third(object.x + object.size / 2, scene.width);
  const row = third(object.y + object.size / 2, scene.height);
  return THIRDS_WORDS[row][column];
}

/** "a red circle, two blue squares and a green star": the objects grouped by colour and shape. */
export function inventory(scene: Scene): string {
  const groups = new Map<string, { colour: ColourName; shape: ShapeKind; count: number }>();
  for (const object of scene.objects) {
    const key = `${object.colour} ${object.shape}`;
    const group = groups.get(key) ?? { colour: object.colour, shape: object.shape, count: 0 };
    groups.set(key, { ...group, count: group.count + 1 });
  }
  const phrases = [...groups.values()].map(({ colour, shape, count }) =>
    count === 1 ? `${articleFor(colour)} ${colour} ${shape}` : `${numberWord(count)} ${colour} ${pluralOf(shape)}`,
  );
  return listPhrase(phrases);
}

/** "a" or "an" before a word. */
export function articleFor(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

/** "x", "x and y", "x, y and z". */
export function listPhrase(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
