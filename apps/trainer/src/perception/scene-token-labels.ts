import { COLOUR_NAMES, SHAPES, type ColourName, type ShapeKind } from '@mixed-r1/data-engine';
import type { Box, SampleRow, Size } from '@mixed-r1/records';
import { originalBoxToInput } from '@mixed-r1/vision';

/** The procedural scenes' shape kinds and colours (the data engine's palette), in label order. */
export const SCENE_SHAPES: readonly ShapeKind[] = SHAPES;
export const SCENE_COLOURS: readonly ColourName[] = COLOUR_NAMES;

/** Label 0 of both heads: the token shows no object (background). */
export const BACKGROUND_LABEL = 0;

/** One object of a procedural scene, as the sample's metadata records it (box in original pixels). */
export interface LabelledObject {
  readonly shape: ShapeKind;
  readonly colour: ColourName;
  readonly box: Box;
}

export interface LabelledScene {
  readonly size: Size;
  readonly objects: readonly LabelledObject[];
}

/** Per image token (merge-block order: rows of the merged grid, top to bottom): 0 or 1 + index in SCENE_SHAPES / SCENE_COLOURS. */
export interface TokenLabels {
  readonly shape: Int32Array;
  readonly colour: Int32Array;
}

function isBox(value: unknown): value is Box {
  return Array.isArray(value) && value.length === 4 && value.every((v) => typeof v === 'number' && Number.isFinite(v));
}

/**
 * The scene a procedural sample was drawn from (metadata `scene`: width, height, objects with
 * shape, colour and box), or null for a sample without one (charts, real sources). A scene that is
 * there but malformed is an error naming the sample: its labels would be wrong, not missing.
 */
export function sceneOfSample(sample: Pick<SampleRow, 'id' | 'metadata'>): LabelledScene | null {
  if (!sample.metadata) return null;
  let metadata: unknown;
  try {
    metadata = JSON.parse(sample.metadata);
  } catch {
    return null;
  }
  const scene = (metadata as { scene?: unknown } | null)?.scene as { width?: unknown; height?: unknown; objects?: unknown } | undefined;
  if (scene === undefined || scene === null) return null;
  const where = `sample "${sample.id}": metadata scene`;
  if (typeof scene.width !== 'number' || typeof scene.height !== 'number' || !Array.isArray(scene.objects)) {
    throw new Error(`${where} needs numeric width and height and an objects list`);
  }
  const objects = scene.objects.map((entry: { shape?: unknown; colour?: unknown; box?: unknown }, i: number) => {
    if (!SCENE_SHAPES.includes(entry.shape as ShapeKind)) throw new Error(`${where}: object ${i} has shape ${JSON.stringify(entry.shape)}; shapes: ${SCENE_SHAPES.join(', ')}`);
    if (!SCENE_COLOURS.includes(entry.colour as ColourName)) throw new Error(`${where}: object ${i} has colour ${JSON.stringify(entry.colour)}; colours: ${SCENE_COLOURS.join(', ')}`);
    if (!isBox(entry.box)) throw new Error(`${where}: object ${i} has box ${JSON.stringify(entry.box)}, not [x1, y1, x2, y2]`);
    return { shape: entry.shape, colour: entry.colour, box: entry.box } as LabelledObject;
  });
  return { size: [scene.width, scene.height], objects };
}

/**
 * Which object each image token of a scene shows: its index in `scene.objects`, or -1
 * (background). A token covers a `cell` x `cell` square of the model-input frame (28 px for
 * Qwen2.5-VL: a 2x2 merge of 14-px patches). A token shows the object whose box (scaled to the
 * input frame) contains its centre; every object also claims the token holding its box centre, so
 * objects smaller than a token are not lost. Boxes never overlap (the generators keep them 6 px
 * apart), so one object at most claims a centre; when two small objects share a token, the later
 * one in the scene wins.
 */
export function tokenObjects(scene: LabelledScene, inputSize: Size, cell: number): Int32Array {
  const [width, height] = inputSize;
  if (width % cell !== 0 || height % cell !== 0) throw new Error(`tokenLabels: input ${width}x${height} is not a whole number of ${cell}-px tokens`);
  const columns = width / cell;
  const rows = height / cell;
  const objectOf = new Int32Array(rows * columns).fill(-1);
  const boxes = scene.objects.map((object) => originalBoxToInput(object.box, scene.size, inputSize));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const x = (c + 0.5) * cell;
      const y = (r + 0.5) * cell;
      const inside = boxes.findIndex(([x1, y1, x2, y2]) => x >= x1 && x < x2 && y >= y1 && y < y2);
      if (inside >= 0) objectOf[r * columns + c] = inside;
    }
  }
  boxes.forEach(([x1, y1, x2, y2], i) => {
    const c = Math.min(columns - 1, Math.max(0, Math.floor((x1 + x2) / 2 / cell)));
    const r = Math.min(rows - 1, Math.max(0, Math.floor((y1 + y2) / 2 / cell)));
    objectOf[r * columns + c] = i;
  });
  return objectOf;
}

/** What each image token of a scene shows (see `tokenObjects`), as shape and colour labels for the perception objective. */
export function tokenLabels(scene: LabelledScene, inputSize: Size, cell: number): TokenLabels {
  const objectOf = tokenObjects(scene, inputSize, cell);
  const shape = Int32Array.from(objectOf, (i) => (i < 0 ? BACKGROUND_LABEL : 1 + SCENE_SHAPES.indexOf(scene.objects[i].shape)));
  const colour = Int32Array.from(objectOf, (i) => (i < 0 ? BACKGROUND_LABEL : 1 + SCENE_COLOURS.indexOf(scene.objects[i].colour)));
  return { shape, colour };
}
