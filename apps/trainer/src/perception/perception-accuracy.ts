import * as tf from '@tensorflow/tfjs-core';
import { visionTower, type Weights } from '@mixed-r1/policy';
import { BACKGROUND_LABEL } from './scene-token-labels';
import type { PerceptionExample } from './perception-example';
import type { PerceptionHead } from './perception-head';

/** How well the head reads the tower's tokens: on the tokens that show an object, and on background. */
export interface PerceptionAccuracy {
  /** Object tokens whose shape is named right (background counts as wrong). */
  readonly objectShape: number;
  /** Object tokens whose colour is named right. */
  readonly objectColour: number;
  /** Object tokens whose shape and colour are both right. */
  readonly objectBoth: number;
  /** Background tokens called background by the shape head. */
  readonly background: number;
}

function argmaxRows(logits: tf.Tensor2D): Int32Array {
  return tf.tidy(() => tf.argMax(logits, 1).dataSync() as Int32Array);
}

/** Token accuracies of the head on examples (one forward per example, no gradients). */
export function perceptionAccuracy(w: Weights, head: PerceptionHead, examples: readonly PerceptionExample[]): PerceptionAccuracy {
  let objects = 0;
  let shapeRight = 0;
  let colourRight = 0;
  let bothRight = 0;
  let background = 0;
  let backgroundRight = 0;
  for (const example of examples) {
    const [shape, colour] = tf.tidy(() => {
      const logits = head.logits(visionTower(w, [example.image]));
      return [argmaxRows(logits.shape), argmaxRows(logits.colour)];
    });
    example.labels.shape.forEach((label, token) => {
      if (label === BACKGROUND_LABEL) {
        background += 1;
        if (shape[token] === BACKGROUND_LABEL) backgroundRight += 1;
        return;
      }
      objects += 1;
      const shapeOk = shape[token] === label;
      const colourOk = colour[token] === example.labels.colour[token];
      if (shapeOk) shapeRight += 1;
      if (colourOk) colourRight += 1;
      if (shapeOk && colourOk) bothRight += 1;
    });
  }
  const share = (n: number, of: number) => (of === 0 ? Number.NaN : n / of);
  return { objectShape: share(shapeRight, objects), objectColour: share(colourRight, objects), objectBoth: share(bothRight, objects), background: share(backgroundRight, background) };
}
