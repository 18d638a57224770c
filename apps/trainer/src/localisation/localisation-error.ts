import * as tf from '@tensorflow/tfjs-core';
import { encodeSequencesCapturing, type Weights } from '@mixed-r1/policy';
import type { SftExample } from '../sft/sft-example';
import type { LocalisationObjective } from '../sft/sft-loss';
import { boxErrorPixels, boxPixelError } from './localisation-head';

/**
 * How well the objective's head reads the boxes: the mean absolute error, in input pixels, of the
 * box coordinates it predicts at the image tokens on an object (from the residual stream after its
 * decoder layer) and, when its answer read-out is trained, of the asked-for box it predicts at the
 * answer of the grounding examples; over the examples with localisation targets (null: none).
 */
export function localisationErrorPixels(
  w: Weights,
  localisation: LocalisationObjective,
  examples: readonly SftExample[],
): { tokens: number | null; answer: number | null } {
  const { head, layer } = localisation;
  const withAnswer = localisation.answerWeight > 0;
  const tokens = { total: 0, count: 0 };
  const answer = { total: 0, count: 0 };
  for (const example of examples) {
    if (!example.localisation) continue;
    const { positions, targets } = example.localisation;
    const asksForBox = withAnswer && targets.answerBox !== null;
    let atAnswer: Float32Array | null = null;
    const atTokens = tf.tidy(() => {
      const { hidden, captured } = encodeSequencesCapturing(w, [example.tokens], [example.image], example.promptLength, layer);
      if (asksForBox) {
        const state = tf.reshape(tf.slice(hidden, [0, example.answerStart, 0], [1, 1, -1]), [1, -1]) as tf.Tensor2D;
        atAnswer = head.predictAnswer(state).dataSync() as Float32Array;
      }
      return head.predict(tf.gather(tf.squeeze(captured, [0]), positions) as tf.Tensor2D).dataSync() as Float32Array;
    });
    const error = boxErrorPixels(atTokens, targets);
    tokens.total += error.total;
    tokens.count += error.count;
    if (atAnswer !== null && targets.answerBox) {
      answer.total += boxPixelError(atAnswer, 0, targets.answerBox, 0, targets.inputSize);
      answer.count += 4;
    }
  }
  const mean = ({ total, count }: { total: number; count: number }) => (count > 0 ? total / count : null);
  return { tokens: mean(tokens), answer: mean(answer) };
}
