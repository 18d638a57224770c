import * as tf from '@tensorflow/tfjs-core';
import { single } from './grad-helpers';

/** Softmax along `dim` (y = softmax(x)): dx = y * (dy - sum(dy * y, dim)) (tfjs-core `gradients/Softmax_grad.ts`). */
export const SOFTMAX_GRADIENT: tf.GradConfig = {
  kernelName: tf.Softmax,
  outputsToSave: [true],
  gradFunc: (dy, [y], attrs) => {
    const { dim } = attrs as unknown as { dim: number };
    const g = single(dy);
    return { logits: () => tf.mul(y, tf.sub(g, tf.sum(tf.mul(g, y), dim, true))) };
  },
};
