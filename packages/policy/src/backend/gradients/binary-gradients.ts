import * as tf from '@tensorflow/tfjs-core';
import { asFloat, reduceToShape, single } from './grad-helpers';

/**
 * Gradients of the broadcasting binary ops (inputs a, b): the analytic partial derivatives, each
 * summed back over the axes its input was broadcast along. Same rules as tfjs-core's
 * `gradients/{Add,Sub,Multiply,RealDiv,Maximum,Minimum,Pow,SquaredDifference}_grad.ts`.
 */
type Partials = (dy: tf.Tensor, a: tf.Tensor, b: tf.Tensor) => [tf.Tensor, tf.Tensor];

function binary(kernelName: string, partials: Partials): tf.GradConfig {
  return {
    kernelName,
    inputsToSave: ['a', 'b'],
    gradFunc: (dy, saved) => {
      const [a, b] = saved;
      const g = single(dy);
      return {
        a: () => reduceToShape(partials(g, a, b)[0], a.shape),
        b: () => reduceToShape(partials(g, a, b)[1], b.shape),
      };
    },
  };
}

const isAtLeast = (x: tf.Tensor, y: tf.Tensor) => asFloat(tf.greaterEqual(x, y));
const isBelow = (x: tf.Tensor, y: tf.Tensor) => asFloat(tf.less(x, y));

/** AddN (n inputs of one shape): each input gets dy. */
const addNGrad: tf.GradConfig = {
  kernelName: tf.AddN,
  saveAllInputs: true,
  gradFunc: (dy, saved) => Object.fromEntries(saved.map((_, i) => [String(i), () => single(dy)])),
};

export const BINARY_GRADIENTS: readonly tf.GradConfig[] = [
  addNGrad,
  binary(tf.Add, (dy) => [dy, dy]),
  binary(tf.Sub, (dy) => [dy, tf.neg(dy)]),
  binary(tf.Multiply, (dy, a, b) => [tf.mul(dy, asFloat(b)), tf.mul(dy, asFloat(a))]),
  // d(a/b)/da = 1/b, d(a/b)/db = -a/b^2
  binary(tf.RealDiv, (dy, a, b) => [tf.div(dy, b), tf.neg(tf.div(tf.mul(dy, a), tf.square(b)))]),
  // Ties send the gradient to a (as tfjs does).
  binary(tf.Maximum, (dy, a, b) => [tf.mul(dy, isAtLeast(a, b)), tf.mul(dy, isBelow(a, b))]),
  binary(tf.Minimum, (dy, a, b) => [tf.mul(dy, isAtLeast(b, a)), tf.mul(dy, isBelow(b, a))]),
  // d(a^b)/da = b a^(b-1); d(a^b)/db = a^b log(a) where a > 0, else 0.
  binary(tf.Pow, (dy, a, b) => {
    const da = tf.mul(dy, tf.mul(b, tf.pow(a, tf.sub(b, 1))));
    const positive = tf.greater(a, 0);
    const logA = tf.where(positive, tf.log(tf.where(positive, a, tf.onesLike(a))), tf.zerosLike(a));
    return [da, tf.mul(dy, tf.mul(tf.pow(a, b), logA))];
  }),
  // d(a-b)^2/da = 2(a-b)
  binary(tf.SquaredDifference, (dy, a, b) => {
    const twice = tf.mul(dy, tf.mul(tf.sub(a, b), 2));
    return [twice, tf.neg(twice)];
  }),
];
