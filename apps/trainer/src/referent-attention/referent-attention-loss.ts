import * as tf from '@tensorflow/tfjs-core';
import type { ReferentTargets } from './referent-targets';

/** The referent-attention objective: which head of which decoder layer learns the lookup, and its weight in the loss. */
export interface ReferentAttentionObjective {
  readonly layer: number;
  readonly head: number;
  readonly weight: number;
}

/** Attention mass below this adds no more than -log(1e-6) to the loss (a row can put none on its keys). */
const MASS_FLOOR = 1e-6;

/**
 * The attention mass each mention's query puts on its keys, from one sequence's attention
 * probabilities [1, heads, T, T] of one head: [mentions]. Supervised attention: the objective is
 * the mean of -log(mass), which is 0 when every query attends only to the objects it names.
 */
export function referentAttentionMass(attention: tf.Tensor4D, head: number, targets: ReferentTargets): tf.Tensor1D {
  return tf.tidy(() => {
    const [, heads, length, keys] = attention.shape;
    if (head < 0 || head >= heads) throw new RangeError(`referentAttentionMass: head ${head} of a ${heads}-head attention`);
    const mask = new Float32Array(targets.queries.length * keys);
    targets.keys.forEach((positions, m) => positions.forEach((p) => (mask[m * keys + p] = 1)));
    const ofHead = tf.reshape(tf.slice(attention, [0, head, 0, 0], [1, 1, length, keys]), [length, keys]);
    const rows = tf.gather(ofHead, targets.queries);
    return tf.sum(tf.mul(rows, tf.tensor2d(mask, [targets.queries.length, keys])), 1) as tf.Tensor1D;
  });
}

/** The objective's loss for one sequence: mean over its mentions of -log(attention mass on the named objects). */
export function referentAttentionLoss(attention: tf.Tensor4D, head: number, targets: ReferentTargets): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.neg(tf.log(tf.add(referentAttentionMass(attention, head, targets), MASS_FLOOR)))) as tf.Scalar);
}
