import type { Box, Size } from '@mixed-r1/records';
import { originalBoxToInput } from '@mixed-r1/vision';
import { tokenObjects, type LabelledScene } from '../perception/scene-token-labels';

/**
 * Where each image token of a scene is and, for a token showing an object, where that object is:
 * the targets of the localisation objective. Coordinates are in the model-input frame over its
 * width (x) or height (y), so every target lies in [0, 1] whatever the image size.
 */
export interface LocalisationTargets {
  /** Per token, its centre: x, y ([tokens * 2]). */
  readonly centres: Float32Array;
  /** Per token, the box x1, y1, x2, y2 of the object it shows; zeros on background ([tokens * 4]). */
  readonly boxes: Float32Array;
  /** Per token, 1 if it shows an object, else 0 ([tokens]). */
  readonly onObject: Float32Array;
  /** The model-input frame the coordinates are fractions of. */
  readonly inputSize: Size;
  /** A grounding sample's answer box x1, y1, x2, y2 (the object its question names); else null. */
  readonly answerBox: Float32Array | null;
}

/**
 * The localisation targets of a scene's image tokens (raster order of the merged grid, as
 * `tokenObjects`), and of the answer when the sample asks for a box (`answerBox`, in the scene's
 * pixels as the sample stores it).
 */
export function localisationTargets(scene: LabelledScene, inputSize: Size, cell: number, answerBox: Box | null = null): LocalisationTargets {
  const [width, height] = inputSize;
  const objectOf = tokenObjects(scene, inputSize, cell);
  const columns = width / cell;
  const boxes = scene.objects.map((object) => originalBoxToInput(object.box, scene.size, inputSize));
  const centres = new Float32Array(objectOf.length * 2);
  const boxTargets = new Float32Array(objectOf.length * 4);
  const onObject = new Float32Array(objectOf.length);
  objectOf.forEach((object, token) => {
    centres[2 * token] = ((token % columns) + 0.5) * cell / width;
    centres[2 * token + 1] = (Math.floor(token / columns) + 0.5) * cell / height;
    if (object < 0) return;
    const [x1, y1, x2, y2] = boxes[object];
    boxTargets.set([x1 / width, y1 / height, x2 / width, y2 / height], 4 * token);
    onObject[token] = 1;
  });
  const answer = answerBox ? originalBoxToInput(answerBox, scene.size, inputSize) : null;
  const answerFractions = answer ? Float32Array.from([answer[0] / width, answer[1] / height, answer[2] / width, answer[3] / height]) : null;
  return { centres, boxes: boxTargets, onObject, inputSize, answerBox: answerFractions };
}
