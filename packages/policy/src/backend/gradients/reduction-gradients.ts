import * as tf from '@tensorflow/tfjs-core';
import { keepReducedDims, reductionAxes, single } from './grad-helpers';

/**
 * Gradients of reductions over `axis` (tfjs-core `gradients/{Sum,Mean,Max,Min}_grad.ts`): the
 * output gradient broadcast back over the reduced axes; divided by the count for a mean; only to
 * the elements equal to the extremum for max and min (all of them on ties, as tfjs).
 */
function sumLike(kernelName: string, scaled: boolean): tf.GradConfig {
  return {
    kernelName,
    inputsToSave: ['x'],
    gradFunc: (dy, [x], attrs) => {
      const axes = reductionAxes((attrs as { axis?: number | number[] }).axis, x.shape);
      return {
        x: () => {
          const count = axes.reduce((n, a) => n * x.shape[a], 1);
          const g = keepReducedDims(single(dy), x.shape, axes);
          const spread = tf.mul(g, tf.ones(x.shape));
          return scaled ? tf.div(spread, count) : spread;
        },
      };
    },
  };
}

/** Max names its axes `reductionIndices`, Min names them `axis`. */
function extremum(kernelName: string, axisAttr: 'reductionIndices' | 'axis'): tf.GradConfig {
  return {
    kernelName,
    inputsToSave: ['x'],
    outputsToSave: [true],
    gradFunc: (dy, [x, y], attrs) => {
      const axes = reductionAxes((attrs as Record<string, unknown>)[axisAttr], x.shape);
      return {
        x: () => {
          const atExtremum = tf.cast(tf.equal(x, keepReducedDims(y, x.shape, axes)), 'float32');
          return tf.mul(keepReducedDims(single(dy), x.shape, axes), atExtremum);
        },
      };
    },
  };
}

export const REDUCTION_GRADIENTS: readonly tf.GradConfig[] = [
  sumLike(tf.Sum, false),
  sumLike(tf.Mean, true),
  extremum(tf.Max, 'reductionIndices'),
  extremum(tf.Min, 'axis'),
];
