import * as tf from '@tensorflow/tfjs-core';
import type { GrpoConfig } from '../config/grpo-config';

export type LossSettings = Pick<GrpoConfig, 'epsLow' | 'epsHigh' | 'beta'>;

/** The tensors of one (micro-)batch of b sequences, T completion positions. */
export interface LossInputs {
  /** [b, T] log-probs of the completion tokens under the current policy (differentiable). */
  readonly logProbs: tf.Tensor2D;
  /** [b, T] log-probs under the policy that sampled (pi_old); null: the detached current ones (ratio = 1). */
  readonly oldLogProbs: tf.Tensor2D | null;
  /** [b, T] log-probs under the frozen reference policy; null: no KL (beta must be 0). */
  readonly refLogProbs: tf.Tensor2D | null;
  /** [b] the advantage of each sequence, the same for all its tokens. */
  readonly advantages: tf.Tensor1D;
  /** [b, T] 1 on completion tokens, 0 on padding (prompt tokens are not among the T positions). */
  readonly mask: tf.Tensor2D;
  /** [b] the loss type's aggregation weight of each sequence (LossType.sequenceWeights). */
  readonly sequenceWeights: tf.Tensor1D;
}

/** Sums over the completion tokens (mask = 1) of one (micro-)batch, added up across micro-batches. */
export interface LossMetricSums {
  readonly tokens: number;
  readonly ratio: number;
  /** Sum of the k3 KL; null without reference log-probs. */
  readonly kl: number | null;
  /** Tokens with ratio < 1 - epsLow and A < 0 (TRL's is_low_clipped). */
  readonly clippedLow: number;
  /** Tokens with ratio > 1 + epsHigh and A > 0 (TRL's is_high_clipped). */
  readonly clippedHigh: number;
}

export interface LossOutput {
  /** sum_b w_b sum_t mask_bt loss_bt; differentiable with respect to `logProbs`. */
  readonly loss: tf.Scalar;
  readonly metrics: LossMetricSums;
}

function checkShapes(inputs: LossInputs): void {
  const [b, t] = inputs.logProbs.shape;
  const same2d = (name: string, x: tf.Tensor | null) => {
    if (x && (x.rank !== 2 || x.shape[0] !== b || x.shape[1] !== t)) {
      throw new TypeError(`computeLoss: ${name} has shape [${x.shape.join(', ')}], expected [${b}, ${t}] as logProbs`);
    }
  };
  same2d('oldLogProbs', inputs.oldLogProbs);
  same2d('refLogProbs', inputs.refLogProbs);
  same2d('mask', inputs.mask);
  for (const [name, x] of [['advantages', inputs.advantages], ['sequenceWeights', inputs.sequenceWeights]] as const) {
    if (x.rank !== 1 || x.shape[0] !== b) throw new TypeError(`computeLoss: ${name} has shape [${x.shape.join(', ')}], expected [${b}]`);
  }
}

interface TokenTerms {
  /** Weighted per-token loss, summed into the loss. */
  readonly weightedLoss: tf.Tensor2D;
  /** Its derivative with respect to logProbs. */
  readonly weightedGradient: tf.Tensor2D;
  /** [5]: tokens, ratio, kl, clippedLow, clippedHigh sums. */
  readonly sums: tf.Tensor1D;
}

/**
 * The per-token objective of SPEC.md section 3, as TRL `GRPOTrainer._compute_loss` and verl
 * `core_algos.compute_policy_loss` (+ `kl_penalty` "low_var_kl" = k3):
 *   ratio = exp(logp - logp_old), surrogate = min(ratio * A, clip(ratio, 1 - epsLow, 1 + epsHigh) * A),
 *   k3 = exp(ref - logp) - (ref - logp) - 1, loss_t = -(surrogate - beta * k3),
 * and its derivative: d loss_t / d logp = -A * ratio * [not clipped] + beta * (1 - exp(ref - logp)).
 * A token is clipped where ratio < 1 - epsLow with A < 0 or ratio > 1 + epsHigh with A > 0; at the
 * bounds themselves it is not (torch.clamp passes the gradient at its bounds, and torch.min splits
 * it between two equal branches that both carry it). The bounds are float32 numbers, as torch
 * compares a float32 tensor with a Python scalar. Padding positions are neutralised before exp.
 */
function tokenTerms(logp: tf.Tensor2D, inputs: LossInputs, settings: LossSettings): TokenTerms {
  return tf.tidy(() => {
    const valid = tf.greater(inputs.mask, 0);
    const zeros = tf.zerosLike(logp);
    const delta = inputs.oldLogProbs ? tf.where(valid, tf.sub(logp, inputs.oldLogProbs), zeros) : zeros;
    const ratio = tf.exp(delta);
    const a = tf.expandDims(inputs.advantages, 1);
    const low = Math.fround(1 - settings.epsLow);
    const high = Math.fround(1 + settings.epsHigh);
    const surrogate = tf.minimum(tf.mul(ratio, a), tf.mul(tf.clipByValue(ratio, low, high), a));
    const clippedLow = tf.logicalAnd(tf.less(ratio, low), tf.less(a, 0));
    const clippedHigh = tf.logicalAnd(tf.greater(ratio, high), tf.greater(a, 0));
    const passes = tf.cast(tf.logicalNot(tf.logicalOr(clippedLow, clippedHigh)), 'float32');
    let loss: tf.Tensor = tf.neg(surrogate);
    let gradient: tf.Tensor = tf.neg(tf.mul(tf.mul(a, ratio), passes));
    let kl: tf.Tensor = zeros;
    if (inputs.refLogProbs) {
      const d = tf.where(valid, tf.sub(inputs.refLogProbs, logp), zeros);
      const e = tf.exp(d);
      kl = tf.sub(tf.sub(e, d), 1);
      if (settings.beta !== 0) {
        loss = tf.add(loss, tf.mul(kl, settings.beta));
        gradient = tf.add(gradient, tf.mul(tf.sub(1, e), settings.beta));
      }
    }
    const weights = tf.mul(inputs.mask, tf.expandDims(inputs.sequenceWeights, 1));
    const masked = (x: tf.Tensor) => tf.sum(tf.mul(x, inputs.mask));
    const sums = tf.stack([
      tf.sum(inputs.mask),
      masked(ratio),
      masked(kl),
      masked(tf.cast(clippedLow, 'float32')),
      masked(tf.cast(clippedHigh, 'float32')),
    ]) as tf.Tensor1D;
    return { weightedLoss: tf.mul(loss, weights) as tf.Tensor2D, weightedGradient: tf.mul(gradient, weights) as tf.Tensor2D, sums };
  });
}

/**
 * The GRPO loss of one (micro-)batch and its metric sums. Differentiable with respect to
 * `inputs.logProbs` only (a custom gradient with the analytic derivative above: one node on the
 * tape). Use inside tf.variableGrads for an update; the loss is separate from the update.
 */
export function computeLoss(inputs: LossInputs, settings: LossSettings): LossOutput {
  checkShapes(inputs);
  if (settings.beta !== 0 && !inputs.refLogProbs) {
    throw new TypeError(`computeLoss: beta is ${settings.beta} but no reference log-probs were given; pass refLogProbs or set beta: 0`);
  }
  let sums: Float32Array | null = null;
  const objective = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [logp, save] = args as [tf.Tensor2D, tf.GradSaveFunc];
    const terms = tokenTerms(logp, inputs, settings);
    sums = terms.sums.dataSync() as Float32Array;
    save([terms.weightedGradient]);
    return { value: tf.sum(terms.weightedLoss), gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.mul(dy, saved[0]) };
  });
  const loss = objective(inputs.logProbs) as tf.Scalar;
  const s = sums as unknown as Float32Array;
  return {
    loss,
    metrics: { tokens: s[0], ratio: s[1], kl: inputs.refLogProbs ? s[2] : null, clippedLow: s[3], clippedHigh: s[4] },
  };
}
