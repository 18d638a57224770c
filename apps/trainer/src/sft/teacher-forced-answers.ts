import * as tf from '@tensorflow/tfjs-core';
import { encodeSequences, lmHead, type Weights } from '@mixed-r1/policy';
import type { SftExample } from './sft-example';

/**
 * Whether the model, fed the target up to each answer token (teacher forcing: the gold reasoning
 * before it), predicts every token of the answer span as its most likely next token. It isolates
 * the decision from the reasoning: a model can write the reasoning's template well and still pick
 * its answers at chance, which the mean loss hides (the answer is 1-2 tokens of dozens).
 */
export function answerSpanCorrect(w: Weights, example: SftExample): boolean {
  const { tokens, answerStart } = example;
  const spanLength = tokens.length - answerStart;
  const predicted = tf.tidy(() => {
    const hidden = encodeSequences(w, [tokens], [example.image], example.promptLength);
    const predicting = tf.reshape(tf.slice(hidden, [0, answerStart - 1, 0], [1, spanLength, -1]), [spanLength, -1]) as tf.Tensor2D;
    return Array.from(tf.argMax(lmHead(w, predicting), -1).dataSync());
  });
  return predicted.every((token, i) => token === tokens[answerStart + i]);
}

/** Fraction of the examples whose answer span the model predicts exactly under teacher forcing. */
export function teacherForcedAnswerAccuracy(w: Weights, examples: readonly SftExample[]): number {
  if (examples.length === 0) return Number.NaN;
  return examples.filter((example) => answerSpanCorrect(w, example)).length / examples.length;
}
