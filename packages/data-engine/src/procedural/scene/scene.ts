// The scene model shared by the grounding, yes/no, multiple-choice and open-ended generators:
// shapes of named colours and kinds, each in an integer square box, never overlapping. Every
// question and answer is computed from this model, and the image is drawn from it, so the ground
// truth is exact.

import type { Box } from '@mixed-r1/records';
import { BACKGROUNDS, COLOUR_NAMES, SHAPES, type BackgroundName, type ColourName, type ShapeKind } from '../palette';
import type { Rng } from '../rng';

export interface SceneObject {
  readonly shape: ShapeKind;
  readonly colour: ColourName;
  /** Left edge of the object's box, in pixels. */
  readonly x: number;
  /** Top edge of the object's box, in pixels. */
  readonly y: number;
  /** Side of the object's square box, in pixels: the shape touches all four sides. */
  readonly size: number;
}

export interface Scene {
  readonly width: number;
  readonly height: number;
  readonly background: BackgroundName;
  readonly objects: readonly SceneObject[];
}

/** What an object is, before it is placed. */
export interface ObjectKind {
  readonly shape: ShapeKind;
  readonly colour: ColourName;
}

/** Free pixels between any two objects' boxes, and between a box and the image border. */
export const OBJECT_GAP = 6;
export const BORDER_MARGIN = 4;
const PLACEMENT_TRIES = 80;

/** The bounding box [x1, y1, x2, y2] of an object, in pixels of the image. */
export function boxOf(object: SceneObject): Box {
  return [object.x, object.y, object.x + object.size, object.y + object.size];
}

/** The smallest and largest object sides for an image: about 12% and 30% of its shorter side. */
export function objectSizeRange(width: number, height: number): [number, number] {
  const shorter = Math.min(width, height);
  const smallest = Math.max(16, Math.round(shorter * 0.12));
  return [smallest, Math.max(smallest, Math.round(shorter * 0.3))];
}

/** How many objects an image of this size holds comfortably (3 to 8). */
export function objectCapacity(width: number, height: number): number {
  return Math.min(8, Math.max(3, Math.floor((width * height) / 7000)));
}

function separated(a: SceneObject, b: SceneObject): boolean {
  return (
    a.x + a.size + OBJECT_GAP <= b.x ||
    b.x + b.size + OBJECT_GAP <= a.x ||
    a.y + a.size + OBJECT_GAP <= b.y ||
    b.y + b.size + OBJECT_GAP <= a.y
  );
}

function tryPlace(
  rng: Rng,
  kind: ObjectKind,
  size: number,
  scene: Pick<Scene, 'width' | 'height'>,
  placed: readonly SceneObject[],
): SceneObject | null {
  const maxX = scene.width - BORDER_MARGIN - size;
  const maxY = scene.height - BORDER_MARGIN - size;
  if (maxX < BORDER_MARGIN || maxY < BORDER_MARGIN) return null;
  for (let attempt = 0; attempt < PLACEMENT_TRIES; attempt++) {
    const candidate: SceneObject = { ...kind, x: rng.int(BORDER_MARGIN, maxX), y: rng.int(BORDER_MARGIN, maxY), size };
    if (placed.every((other) => separated(candidate, other))) return candidate;
  }
  return null;
}

/**
 * Places the objects in order at random non-overlapping positions with random sizes; an object
 * that does not fit even at the smallest size is left out (the scene is what was placed).
 */
export function placeObjects(rng: Rng, width: number, height: number, kinds: readonly ObjectKind[]): SceneObject[] {
  const [smallest, largest] = objectSizeRange(width, height);
  const placed: SceneObject[] = [];
  for (const kind of kinds) {
    const object =
      tryPlace(rng, kind, rng.int(smallest, largest), { width, height }, placed) ??
      tryPlace(rng, kind, smallest, { width, height }, placed);
    if (object) placed.push(object);
  }
  return placed;
}

/** A random object kind; with probability `reuse`, it repeats the shape or colour of an earlier one. */
export function randomKind(rng: Rng, earlier: readonly ObjectKind[], reuse = 0.35): ObjectKind {
  const shape = rng.pick(SHAPES);
  const colour = rng.pick(COLOUR_NAMES);
  if (earlier.length === 0 || !rng.chance(reuse)) return { shape, colour };
  const model = rng.pick(earlier);
  return rng.chance(0.5) ? { shape: model.shape, colour } : { shape, colour: model.colour };
}

/** A random scene of `count` objects (fewer when they do not fit) on a random background. */
export function randomScene(rng: Rng, width: number, height: number, count: number): Scene {
  const kinds: ObjectKind[] = [];
  for (let i = 0; i < count; i++) kinds.push(randomKind(rng, kinds));
  const background = rng.chance(0.6) ? 'white' : rng.pick(BACKGROUNDS).name;
  return { width, height, background, objects: placeObjects(rng, width, height, kinds) };
}
