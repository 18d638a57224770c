import * as tf from '@tensorflow/tfjs-core';
import { transposeLast } from './mat-mul';

/**
 * y = x W^T for x [N, in] and a PyTorch-layout weight W [out, in], with a gradient that needs no
 * transpose of W: dx = dy W, dW = dy^T x (one transpose of dy). Cheaper in the backward pass than
 * matMul(x, W^T) with W^T as a separate op (which transposes W again for dx and transposes dW^T
 * back), the same values.
 */
export const linearOp = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [x, w, save] = args as [tf.Tensor, tf.Tensor, tf.GradSaveFunc];
  save([x, w]);
  return {
    value: tf.matMul(x, transposeLast(w)),
    gradFunc: (dy: tf.Tensor | tf.Tensor[], [savedX, savedW]: tf.Tensor[]) => {
      const g = dy as tf.Tensor;
      return [tf.matMul(g, savedW), tf.matMul(transposeLast(g), savedX)];
    },
  };
}) as (x: tf.Tensor, w: tf.Tensor) => tf.Tensor;
