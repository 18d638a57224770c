import * as tf from '@tensorflow/tfjs-core';
import { nextTokenLoss, type Weights } from '@mixed-r1/policy';
import type { SftExample } from './sft-example';

/** One weight per target token: `answerWeight` for the answer span (after `<answer>`), 1 for the rest. */
export function answerSpanWeights(example: SftExample, answerWeight: number): number[] {
  return example.tokens.slice(example.promptLength).map((_, i) => (example.promptLength + i >= example.answerStart ? answerWeight : 1));
}

/**
 * Supervised loss of a batch: each example's mean cross-entropy over its target tokens (the
 * response only: prompt tokens never count), averaged over the examples. With `answerWeight` != 1
 * each example's mean is weighted, its answer span counting `answerWeight` times a reasoning token
 * (the decision is one or two tokens among dozens of templated ones).
 */
export function sftLoss(w: Weights, examples: readonly SftExample[], answerWeight = 1): tf.Scalar {
  return tf.tidy(() => {
    const losses = examples.map((example) =>
      nextTokenLoss(w, [example.tokens], {
        images: [example.image],
        promptLength: example.promptLength,
        fromPosition: example.promptLength,
        tokenWeights: answerWeight === 1 ? undefined : [answerSpanWeights(example, answerWeight)],
      }),
    );
    return tf.mean(tf.stack(losses)) as tf.Scalar;
  });
}

/** Target tokens of a batch (what the loss averages over). */
export function targetTokens(examples: readonly SftExample[]): number {
  return examples.reduce((sum, example) => sum + example.tokens.length - example.promptLength, 0);
}
