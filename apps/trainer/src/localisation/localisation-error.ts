import * as tf from '@tensorflow/tfjs-core';
import { encodeSequencesCapturing, type Weights } from '@mixed-r1/policy';
import type { SftExample } from '../sft/sft-example';
import { boxErrorPixels, type LocalisationHead } from './localisation-head';

/**
 * How well the head reads the boxes: the mean absolute error, in input pixels, of the box
 * coordinates it predicts at the image tokens on an object (from the residual stream after decoder
 * `layer`), and of the asked-for box it predicts at the answer of the grounding examples, over the
 * examples with localisation targets (null: none has any).
 */
export function localisationErrorPixels(
  w: Weights,
  head: LocalisationHead,
  layer: number,
  examples: readonly SftExample[],
): { tokens: number | null; answer: number | null } {
  const tokens = { total: 0, count: 0 };
  const answer = { total: 0, count: 0 };
  for (const example of examples) {
    if (!example.localisation) continue;
    const { positions, targets } = example.localisation;
    const [atTokens, atAnswer] = tf.tidy(() => {
      const { hidden, captured } = encodeSequencesCapturing(w, [example.tokens], [example.image], example.promptLength, layer);
      const state = tf.reshape(tf.slice(hidden, [0, example.answerStart, 0], [1, 1, -1]), [1, -1]) as tf.Tensor2D;
      return [
        head.predict(tf.gather(tf.squeeze(captured, [0]), positions) as tf.Tensor2D).dataSync() as Float32Array,
        head.predictAnswer(state).dataSync() as Float32Array,
      ];
    });
    const error = boxErrorPixels(atTokens, targets);
    tokens.total += error.total;
    tokens.count += error.count;
    if (targets.answerBox) {
      const [width, height] = targets.inputSize;
      atAnswer.forEach((v, k) => (answer.total += Math.abs(v - targets.answerBox![k]) * (k % 2 === 0 ? width : height)));
      answer.count += 4;
    }
  }
  const mean = ({ total, count }: { total: number; count: number }) => (count > 0 ? total / count : null);
  return { tokens: mean(tokens), answer: mean(answer) };
}
