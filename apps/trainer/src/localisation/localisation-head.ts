import * as tf from '@tensorflow/tfjs-core';
import { Rng } from '@mixed-r1/policy';
import type { LocalisationTargets } from './localisation-targets';

/** Outputs of the head per token: centre x, y, then the object's box x1, y1, x2, y2. */
const OUTPUTS = 6;

/**
 * A linear read-out of WHERE from the decoder's residual stream at the image tokens: each token's
 * centre and, on an object, that object's box (LocalisationTargets); and a second one, of the
 * asked-for box, from the final hidden state at a grounding sample's answer (trained with
 * `sft.localisationAnswerWeight`). The vision tower cannot say where a token is: it has no
 * absolute position embedding and, on a plain background, its attention mixes identical values
 * whatever the RoPE offsets. Position reaches the model only
 * through the decoder's M-RoPE and causal attention, so this objective trains the decoder layers
 * below the read-out to write it where the layers above (and the answer tokens) can read it.
 * Not part of the Qwen2.5-VL checkpoint: it is dropped after training, as the perception head is.
 * Weights are [outputs, features] as the policy's linear layers, std 0.02 from the seed, biases 0.
 */
export class LocalisationHead {
  readonly variables: ReadonlyMap<string, tf.Variable>;

  constructor(features: number, seed: number) {
    const rng = Rng.fromSeed(seed);
    const weight = Float32Array.from({ length: OUTPUTS * features }, () => 0.02 * rng.nextNormal());
    const answerWeight = Float32Array.from({ length: 4 * features }, () => 0.02 * rng.nextNormal());
    this.variables = new Map<string, tf.Variable>([
      ['localisation.weight', tf.variable(tf.tensor2d(weight, [OUTPUTS, features]), true)],
      ['localisation.bias', tf.variable(tf.zeros([OUTPUTS]), true)],
      ['localisation.answer.weight', tf.variable(tf.tensor2d(answerWeight, [4, features]), true)],
      ['localisation.answer.bias', tf.variable(tf.zeros([4]), true)],
    ]);
  }

  /** The asked-for box x1, y1, x2, y2 [rows, 4] read from states [rows, features] at the answer (each scaled to unit RMS). */
  predictAnswer(states: tf.Tensor2D): tf.Tensor2D {
    return this.linear(states, 'localisation.answer');
  }

  /**
   * Predictions [tokens, 6] from the image tokens' states [tokens, features], each state first
   * scaled to unit root mean square (an RMSNorm without weight: the residual stream's scale grows
   * with depth and training, a read-out of it should not).
   */
  predict(states: tf.Tensor2D): tf.Tensor2D {
    return this.linear(states, 'localisation');
  }

  private linear(states: tf.Tensor2D, name: string): tf.Tensor2D {
    const weight = this.variables.get(`${name}.weight`)!;
    const bias = this.variables.get(`${name}.bias`)!;
    const normed = tf.mul(states, tf.rsqrt(tf.add(tf.mean(tf.square(states), 1, true), 1e-6)));
    return tf.add(tf.matMul(normed, weight, false, true), bias) as tf.Tensor2D;
  }

  dispose(): void {
    this.variables.forEach((v) => v.dispose());
  }
}

/**
 * The localisation loss of one image: the mean squared error of the centres over all tokens plus
 * that of the boxes over the tokens on an object (an image is mostly background; its tokens have
 * no box). Targets are fractions of the input frame, so a head that always says the middle scores
 * about 1/12 per coordinate.
 */
export function localisationLoss(head: LocalisationHead, states: tf.Tensor2D, targets: LocalisationTargets): tf.Scalar {
  return tf.tidy(() => {
    const tokens = targets.onObject.length;
    if (states.shape[0] !== tokens) throw new Error(`localisationLoss: ${states.shape[0]} image-token states for ${tokens} targets`);
    const predicted = head.predict(states);
    const centres = tf.slice(predicted, [0, 0], [tokens, 2]);
    const centreLoss = tf.mean(tf.square(tf.sub(centres, tf.tensor2d(targets.centres, [tokens, 2]))));
    const objectTokens = targets.onObject.reduce((n, on) => n + on, 0);
    if (objectTokens === 0) return centreLoss as tf.Scalar;
    const boxes = tf.slice(predicted, [0, 2], [tokens, 4]);
    const squared = tf.mul(tf.square(tf.sub(boxes, tf.tensor2d(targets.boxes, [tokens, 4]))), tf.reshape(tf.tensor1d(targets.onObject), [tokens, 1]));
    return tf.add(centreLoss, tf.div(tf.sum(squared), 4 * objectTokens)) as tf.Scalar;
  });
}

/**
 * The answer's term: the mean squared error of the asked-for box (fractions of the input frame)
 * read from the state [1, features] at the token before the box's first digit. It asks the layers
 * below to gather, at the answer, the place of the object the question names.
 */
export function answerLocalisationLoss(head: LocalisationHead, state: tf.Tensor2D, answerBox: Float32Array): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.square(tf.sub(head.predictAnswer(state), tf.tensor2d(answerBox, [1, 4])))) as tf.Scalar);
}

/** The summed absolute error, in input pixels, of the 4 box coordinates at `predicted[from]` against `target[at]` (fractions of `inputSize`). */
export function boxPixelError(predicted: ArrayLike<number>, from: number, target: ArrayLike<number>, at: number, inputSize: readonly [number, number]): number {
  let total = 0;
  for (let k = 0; k < 4; k++) total += Math.abs(predicted[from + k] - target[at + k]) * inputSize[k % 2];
  return total;
}

/** The absolute errors, in input pixels, of the predicted box coordinates ([tokens, 6] rows) at the tokens on an object: their sum and count. */
export function boxErrorPixels(predicted: Float32Array, targets: LocalisationTargets): { total: number; count: number } {
  let total = 0;
  let count = 0;
  targets.onObject.forEach((on, token) => {
    if (!on) return;
    total += boxPixelError(predicted, token * OUTPUTS + 2, targets.boxes, token * 4, targets.inputSize);
    count += 4;
  });
  return { total, count };
}
