import * as tf from '@tensorflow/tfjs-core';
import { linearOp } from '../backend/linear-op';
import { matMul } from '../backend/mat-mul';
import type { Weights } from './weights';

/** x [N, in] times the [out, in] matrix `name` transposed: kept transposes when frozen, linearOp when live. */
export function times(w: Weights, x: tf.Tensor2D, name: string): tf.Tensor2D {
  return (w.isFrozen ? matMul(x, w.transposed(name)) : linearOp(x, w.get(name))) as tf.Tensor2D;
}

/**
 * PyTorch `nn.Linear` named `name`: y = x W^T (+ b), over the last axis of x (any rank).
 */
export function linear(w: Weights, x: tf.Tensor, name: string, bias: boolean): tf.Tensor {
  const weight = w.get(`${name}.weight`);
  const [outSize, inSize] = weight.shape;
  const lead = x.shape.slice(0, -1);
  if (x.shape[x.rank - 1] !== inSize) {
    throw new TypeError(`linear ${name}: input has ${x.shape[x.rank - 1]} features, the weight takes ${inSize}`);
  }
  let y: tf.Tensor = times(w, (x.rank === 2 ? x : tf.reshape(x, [-1, inSize])) as tf.Tensor2D, `${name}.weight`);
  if (bias) y = tf.add(y, w.get(`${name}.bias`));
  return x.rank === 2 ? y : tf.reshape(y, [...lead, outSize]);
}
