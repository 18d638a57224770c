import * as tf from '@tensorflow/tfjs-core';
import { encodeSequencesCapturing, type Weights } from '@mixed-r1/policy';
import type { SftExample } from '../sft/sft-example';
import { boxErrorPixels, type LocalisationHead } from './localisation-head';

/**
 * How well the head reads the objects' boxes from the residual stream after decoder `layer`: the
 * mean absolute error, in input pixels, of the box coordinates it predicts at the image tokens on
 * an object, over the examples with localisation targets (null: none has any).
 */
export function localisationErrorPixels(w: Weights, head: LocalisationHead, layer: number, examples: readonly SftExample[]): number | null {
  let total = 0;
  let count = 0;
  for (const example of examples) {
    if (!example.localisation) continue;
    const { positions, targets } = example.localisation;
    const predicted = tf.tidy(() => {
      const { captured } = encodeSequencesCapturing(w, [example.tokens], [example.image], example.promptLength, layer);
      return head.predict(tf.gather(tf.squeeze(captured, [0]), positions) as tf.Tensor2D).dataSync() as Float32Array;
    });
    const error = boxErrorPixels(predicted, targets);
    total += error.total;
    count += error.count;
  }
  return count > 0 ? total / count : null;
}
