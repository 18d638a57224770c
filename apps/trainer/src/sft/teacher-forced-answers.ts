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

/** Fractions of examples whose answer span the model predicts exactly under teacher forcing. */
export interface AnswerAccuracies {
  /** Over all the examples (NaN with none). */
  readonly all: number;
  /** Per answer group (`SftExample.answerGroup`), in the order the groups first appear. */
  readonly byGroup: ReadonlyMap<string, { readonly examples: number; readonly accuracy: number }>;
}

/** Teacher-forced answer accuracy over all the examples and per answer group, each example's span predicted once. */
export function teacherForcedAnswerAccuracies(w: Weights, examples: readonly SftExample[]): AnswerAccuracies {
  const tally = new Map<string, { examples: number; correct: number }>();
  let correct = 0;
  for (const example of examples) {
    const right = answerSpanCorrect(w, example);
    const group = tally.get(example.answerGroup) ?? { examples: 0, correct: 0 };
    tally.set(example.answerGroup, { examples: group.examples + 1, correct: group.correct + (right ? 1 : 0) });
    correct += right ? 1 : 0;
  }
  const byGroup = new Map([...tally].map(([name, group]) => [name, { examples: group.examples, accuracy: group.correct / group.examples }]));
  return { all: examples.length === 0 ? Number.NaN : correct / examples.length, byGroup };
}
