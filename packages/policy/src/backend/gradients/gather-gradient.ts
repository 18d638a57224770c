import * as tf from '@tensorflow/tfjs-core';
import { single } from './grad-helpers';

/**
 * Gradient of GatherV2 with batchDims 0 (tfjs-core `gradients/GatherV2_grad.ts`): the output
 * gradient, viewed as [outer, indices, inner] and moved to [indices, outer, inner], is summed into
 * the gathered rows with UnsortedSegmentSum, then moved back.
 */
export const GATHER_GRADIENT: tf.GradConfig = {
  kernelName: tf.GatherV2,
  inputsToSave: ['x', 'indices'],
  gradFunc: (dy, [x, indices], attrs) => {
    const { axis, batchDims } = attrs as unknown as { axis: number; batchDims: number };
    if (batchDims !== 0) throw new Error(`gather gradient: batchDims ${batchDims} is not supported (only 0)`);
    const at = tf.util.parseAxisParam(axis, x.shape)[0];
    return {
      x: () => {
        const outer = x.shape.slice(0, at);
        const inner = x.shape.slice(at + 1);
        const values = tf.reshape(single(dy), [...outer, indices.size, ...inner]);
        const toFront = [outer.length, ...outer.map((_, i) => i), ...inner.map((_, i) => outer.length + 1 + i)];
        const summed = tf.unsortedSegmentSum(tf.transpose(values, toFront), tf.reshape(indices, [indices.size]), x.shape[at]);
        return tf.transpose(summed, tf.backend_util.getUndoAxesPermutation(toFront));
      },
      indices: () => tf.zerosLike(indices),
    };
  },
};
