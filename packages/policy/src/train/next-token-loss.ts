import * as tf from '@tensorflow/tfjs-core';
import { lmHead } from '../model/decoder';
import type { ImageInput } from '../model/image-input';
import { encodeSequences } from '../model/qwen2-5-vl';
import type { Weights } from '../model/weights';

/**
 * Mean next-token cross-entropy of B token rows of equal length (supervised training): the
 * logits at position t score token t + 1, for the positions t + 1 >= `fromPosition` (e.g. the
 * completion after a prompt; default 1: every token but the first). Rows share `images` (placed
 * in their first `promptLength` tokens), as a group does. Only the scored positions go through the
 * LM head.
 *
 * `tokenWeights` (one weight per scored position of each row) turns the mean into a weighted mean,
 * sum(w * nll) / sum(w): e.g. to count the answer span of a target more than its reasoning.
 *
 * `focalGamma` > 0 makes it the focal loss (Lin et al. 2017, "Focal Loss for Dense Object
 * Detection", eq. 4 without its alpha): each position's nll is scaled by (1 - p)^gamma, p the
 * probability of its target token, so the tokens the model already predicts (a template's words)
 * count little and the ones it misses (a template's slots, a decision) count fully. The factor
 * is differentiated through, as in the paper. The divisor stays sum(w) (or the count).
 */
export function nextTokenLoss(
  w: Weights,
  rows: readonly (readonly number[])[],
  options: { images?: readonly ImageInput[]; promptLength?: number; fromPosition?: number; tokenWeights?: readonly (readonly number[])[]; focalGamma?: number } = {},
): tf.Scalar {
  const length = rows[0]?.length ?? 0;
  checkFromPosition(options.fromPosition ?? 1, length);
  const hidden = encodeSequences(w, rows, options.images ?? [], options.promptLength ?? length);
  return nextTokenLossOfHidden(w, hidden, rows, options);
}

/**
 * `nextTokenLoss` from the rows' final hidden states [B, T, hidden] already computed (e.g. by
 * `encodeSequencesCapturing`, when another objective reads the same forward pass).
 */
export function nextTokenLossOfHidden(
  w: Weights,
  hidden: tf.Tensor3D,
  rows: readonly (readonly number[])[],
  options: { fromPosition?: number; tokenWeights?: readonly (readonly number[])[]; focalGamma?: number } = {},
): tf.Scalar {
  const length = rows[0]?.length ?? 0;
  const from = options.fromPosition ?? 1;
  checkFromPosition(from, length);
  const scored = length - from;
  const weights = options.tokenWeights ? flatTokenWeights(options.tokenWeights, rows.length, scored) : null;
  const { vocabSize, hiddenSize } = w.config.text;
  const batch = rows.length;
  const predicting = tf.reshape(tf.slice(hidden, [0, from - 1, 0], [batch, scored, hiddenSize]), [batch * scored, hiddenSize]);
  const logProbs = tf.logSoftmax(lmHead(w, predicting as tf.Tensor2D));
  const targets = rows.flatMap((row, b) => row.slice(from).map((token, t) => (b * scored + t) * vocabSize + token));
  const targetLogProbs = tf.gather(tf.reshape(logProbs, [-1]), tf.tensor1d(targets, 'int32'));
  const gamma = options.focalGamma ?? 0;
  if (!(Number.isFinite(gamma) && gamma >= 0)) throw new RangeError(`nextTokenLoss: focalGamma must be a finite number >= 0, found ${gamma}`);
  const terms = gamma === 0 ? tf.neg(targetLogProbs) : tf.mul(tf.neg(targetLogProbs), tf.pow(tf.sub(1, tf.exp(targetLogProbs)), gamma));
  if (!weights) return tf.mean(terms) as tf.Scalar;
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return tf.div(tf.sum(tf.mul(terms, tf.tensor1d(weights))), total) as tf.Scalar;
}

function checkFromPosition(from: number, length: number): void {
  if (!(Number.isInteger(from) && from >= 1 && from < length)) throw new RangeError(`nextTokenLoss: fromPosition ${from} leaves no token to score in rows of ${length}`);
}

/** The rows' token weights as one array, checked: one finite weight >= 0 per scored position, not all zero. */
function flatTokenWeights(tokenWeights: readonly (readonly number[])[], batch: number, scored: number): number[] {
  if (tokenWeights.length !== batch || tokenWeights.some((row) => row.length !== scored)) {
    throw new RangeError(`nextTokenLoss: tokenWeights must give ${scored} weights for each of the ${batch} rows (one per scored position)`);
  }
  const flat = tokenWeights.flat();
  if (flat.some((weight) => !(Number.isFinite(weight) && weight >= 0)) || !flat.some((weight) => weight > 0)) {
    throw new RangeError('nextTokenLoss: tokenWeights must be finite, >= 0 and not all zero');
  }
  return flat;
}
