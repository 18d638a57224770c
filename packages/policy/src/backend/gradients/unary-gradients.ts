import * as tf from '@tensorflow/tfjs-core';
import { asFloat, single } from './grad-helpers';

/**
 * Gradients of elementwise ops of one input x (output y): dx = dy * f'(x), written with x or y,
 * whichever the op saves (as tfjs-core's `gradients/<Op>_grad.ts`).
 */
function ofInput(kernelName: string, derivative: (dy: tf.Tensor, x: tf.Tensor) => tf.Tensor): tf.GradConfig {
  return { kernelName, inputsToSave: ['x'], gradFunc: (dy, [x]) => ({ x: () => derivative(single(dy), x) }) };
}

function ofOutput(kernelName: string, derivative: (dy: tf.Tensor, y: tf.Tensor) => tf.Tensor): tf.GradConfig {
  return { kernelName, outputsToSave: [true], gradFunc: (dy, [y]) => ({ x: () => derivative(single(dy), y) }) };
}

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

export const UNARY_GRADIENTS: readonly tf.GradConfig[] = [
  ofInput(tf.Neg, (dy) => tf.neg(dy)),
  ofInput(tf.Identity, (dy) => dy),
  ofOutput(tf.Exp, (dy, y) => tf.mul(dy, y)),
  ofInput(tf.Log, (dy, x) => tf.div(dy, asFloat(x))),
  ofInput(tf.Log1p, (dy, x) => tf.div(dy, tf.add(x, 1))),
  // d sqrt(x) = 1 / (2 sqrt(x)); d x^(-1/2) = -1/2 x^(-3/2)
  ofInput(tf.Sqrt, (dy, x) => tf.div(dy, tf.mul(tf.sqrt(asFloat(x)), 2))),
  ofInput(tf.Rsqrt, (dy, x) => tf.neg(tf.div(dy, tf.mul(tf.pow(asFloat(x), 1.5), 2)))),
  ofInput(tf.Square, (dy, x) => tf.mul(dy, tf.mul(asFloat(x), 2))),
  ofInput(tf.Reciprocal, (dy, x) => tf.neg(tf.div(dy, tf.square(x)))),
  ofOutput(tf.Sigmoid, (dy, y) => tf.mul(dy, tf.mul(y, tf.sub(1, y)))),
  ofOutput(tf.Tanh, (dy, y) => tf.mul(dy, tf.sub(1, tf.square(y)))),
  ofInput(tf.Softplus, (dy, x) => tf.mul(dy, tf.sigmoid(x))),
  ofInput(tf.Relu, (dy, x) => tf.mul(dy, asFloat(tf.step(x)))),
  // d erf(x) = 2/sqrt(pi) exp(-x^2)
  ofInput(tf.Erf, (dy, x) => tf.mul(dy, tf.mul(tf.exp(tf.neg(tf.square(x))), TWO_OVER_SQRT_PI))),
  ofInput(tf.Abs, (dy, x) => tf.mul(dy, tf.sign(asFloat(x)))),
  ofInput(tf.Sin, (dy, x) => tf.mul(dy, tf.cos(x))),
  ofInput(tf.Cos, (dy, x) => tf.neg(tf.mul(dy, tf.sin(x)))),
  // Piecewise constant: zero gradient.
  ofInput(tf.Step, (dy) => tf.zerosLike(dy)),
  ofInput(tf.Sign, (dy) => tf.zerosLike(dy)),
  ofInput(tf.Floor, (dy) => tf.zerosLike(dy)),
  ofInput(tf.Round, (dy) => tf.zerosLike(dy)),
  // An integer input carries no gradient (and gradients are float32).
  ofInput(tf.Cast, (dy, x) => (x.dtype === 'float32' ? dy : tf.zerosLike(dy))),
  {
    kernelName: tf.ClipByValue,
    inputsToSave: ['x'],
    gradFunc: (dy, [x], attrs) => {
      const { clipValueMin, clipValueMax } = attrs as unknown as { clipValueMin: number; clipValueMax: number };
      const inside = tf.logicalAnd(tf.greaterEqual(x, clipValueMin), tf.lessEqual(x, clipValueMax));
      return { x: () => tf.where(inside, single(dy), tf.zerosLike(single(dy))) };
    },
  },
];
