import * as tf from '@tensorflow/tfjs-core';

/** The constant tensors of one micro-batch of b sequences padded to T completion positions. */
export interface MicroBatchTensors {
  readonly mask: tf.Tensor2D;
  readonly advantages: tf.Tensor1D;
  readonly sequenceWeights: tf.Tensor1D;
  readonly refLogProbs: tf.Tensor2D | null;
  readonly oldLogProbs: tf.Tensor2D | null;
}

/** Rows of different lengths, right-padded with 0 into [rows, width]. */
export function paddedRows(rows: readonly ArrayLike<number>[], width: number): Float32Array {
  const out = new Float32Array(rows.length * width);
  rows.forEach((row, i) => {
    for (let t = 0; t < row.length; t++) out[i * width + t] = row[t];
  });
  return out;
}

/** 1 on each sequence's first lengths[i] positions of [b, T], 0 after. */
export function completionMask(lengths: readonly number[], width: number): Float32Array {
  const out = new Float32Array(lengths.length * width);
  lengths.forEach((length, i) => out.fill(1, i * width, i * width + length));
  return out;
}

export interface MicroBatchValues {
  readonly lengths: readonly number[];
  readonly width: number;
  readonly advantages: readonly number[];
  readonly sequenceWeights: readonly number[];
  readonly refLogProbs: readonly Float32Array[] | null;
  readonly oldLogProbs: readonly Float32Array[] | null;
}

/** The tensors of a micro-batch from plain values (the caller disposes them). */
export function microBatchTensors(values: MicroBatchValues): MicroBatchTensors {
  const b = values.lengths.length;
  const w = values.width;
  const rows = (r: readonly Float32Array[] | null) => (r ? tf.tensor2d(paddedRows(r, w), [b, w]) : null);
  return {
    mask: tf.tensor2d(completionMask(values.lengths, w), [b, w]),
    advantages: tf.tensor1d(Float32Array.from(values.advantages)),
    sequenceWeights: tf.tensor1d(Float32Array.from(values.sequenceWeights)),
    refLogProbs: rows(values.refLogProbs),
    oldLogProbs: rows(values.oldLogProbs),
  };
}

export function disposeMicroBatch(t: MicroBatchTensors): void {
  tf.dispose([t.mask, t.advantages, t.sequenceWeights, ...(t.refLogProbs ? [t.refLogProbs] : []), ...(t.oldLogProbs ? [t.oldLogProbs] : [])]);
}
