import * as tf from '@tensorflow/tfjs-core';

/** Sums a broadcast gradient back to `shape` (the input's shape before broadcasting). */
export function reduceToShape(grad: tf.Tensor, shape: readonly number[]): tf.Tensor {
  const axes = tf.broadcast_util.getReductionAxes(shape as number[], grad.shape);
  const summed = axes.length > 0 ? tf.sum(grad, axes) : grad;
  return tf.reshape(summed, shape as number[]);
}

/** Axes of a reduction attribute (a number, a list, or absent for all axes) in [0, rank). */
export function reductionAxes(axis: unknown, shape: readonly number[]): number[] {
  return tf.util.parseAxisParam(axis as number | number[], shape as number[]);
}

/** `dy` of a reduction over `axes` reshaped to keep those axes as size 1, ready to broadcast. */
export function keepReducedDims(dy: tf.Tensor, inputShape: readonly number[], axes: number[]): tf.Tensor {
  const outShape = inputShape.filter((_, i) => !axes.includes(i));
  return tf.reshape(dy, tf.backend_util.expandShapeToKeepDim(outShape, axes));
}

/** `dy` of a single-output op (gradient functions of such ops always get one tensor). */
export function single(dy: tf.Tensor | tf.Tensor[]): tf.Tensor {
  return Array.isArray(dy) ? dy[0] : dy;
}

export function asFloat(x: tf.Tensor): tf.Tensor {
  return x.dtype === 'float32' ? x : tf.cast(x, 'float32');
}
