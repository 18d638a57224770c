import * as tf from '@tensorflow/tfjs-core';
import { nextTokenLoss, type Weights } from '@mixed-r1/policy';
import type { SftExample } from './sft-example';

/**
 * Supervised loss of a batch: each example's mean cross-entropy over its target tokens (the
 * response only: prompt tokens never count), averaged over the examples.
 */
export function sftLoss(w: Weights, examples: readonly SftExample[]): tf.Scalar {
  return tf.tidy(() => {
    const losses = examples.map((example) =>
      nextTokenLoss(w, [example.tokens], { images: [example.image], promptLength: example.promptLength, fromPosition: example.promptLength }),
    );
    return tf.mean(tf.stack(losses)) as tf.Scalar;
  });
}

/** Target tokens of a batch (what the loss averages over). */
export function targetTokens(examples: readonly SftExample[]): number {
  return examples.reduce((sum, example) => sum + example.tokens.length - example.promptLength, 0);
}
