import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { checkGradient } from '../../testing/finite-differences';
import { randomFloats } from '../backend-test-helpers';
import { quietCpuBackend } from '../candidates/cpu';
import { GRADIENTS, registerGradients } from './registry';

/** Finite-difference tolerance: float32 central differences with h = 1e-2 on O(1) values. */
const TOLERANCE = 3e-3;

interface Case {
  readonly kernel: string;
  readonly label: string;
  readonly shape: number[];
  /** The op under test; its output(s) are weighted by fixed random values and summed. */
  readonly f: (x: tf.Tensor) => tf.Tensor | tf.Tensor[];
  /** Input values: uniform in [-1, 1) mapped by this (to keep away from kinks and poles). */
  readonly domain?: (v: number) => number;
}

const positive = (v: number) => 0.5 + Math.abs(v);
const awayFromZero = (v: number) => (v < 0 ? v - 0.2 : v + 0.2);
const c23 = () => tf.tensor(randomFloats(6, 99), [2, 3]);
const c3 = () => tf.tensor(randomFloats(3, 98), [3]);

const CASES: Case[] = [
  { kernel: tf.Add, label: 'x [2,3] + c [3]', shape: [2, 3], f: (x) => tf.add(x, c3()) },
  { kernel: tf.Add, label: 'c [2,3] + x [3] (broadcast input)', shape: [3], f: (x) => tf.add(c23(), x) },
  { kernel: tf.AddN, label: 'addN(x, 2x, c)', shape: [2, 3], f: (x) => tf.addN([x, tf.mul(x, 2), c23()]) },
  { kernel: tf.Sub, label: 'c [2,3] - x [1,3]', shape: [1, 3], f: (x) => tf.sub(c23(), x) },
  { kernel: tf.Multiply, label: 'x [2,3] * x [3] broadcast', shape: [2, 3], f: (x) => tf.mul(x, tf.mul(c23(), x)) },
  { kernel: tf.RealDiv, label: 'c / x and x / c', shape: [2, 3], f: (x) => tf.add(tf.div(c23(), x), tf.div(x, c3())), domain: positive },
  { kernel: tf.Maximum, label: 'max(x, c)', shape: [2, 3], f: (x) => tf.maximum(x, tf.add(c23(), 0.05)) },
  { kernel: tf.Minimum, label: 'min(c, x)', shape: [2, 3], f: (x) => tf.minimum(tf.add(c23(), 0.05), x) },
  { kernel: tf.Pow, label: 'x^c and c^x', shape: [2, 3], f: (x) => tf.add(tf.pow(x, c23()), tf.pow(tf.add(c23(), 2), x)), domain: positive },
  { kernel: tf.SquaredDifference, label: '(x - c)^2', shape: [2, 3], f: (x) => tf.squaredDifference(x, c3()) },
  { kernel: tf.Neg, label: '-x', shape: [4], f: (x) => tf.neg(x) },
  { kernel: tf.Identity, label: 'clone', shape: [4], f: (x) => tf.clone(x) },
  { kernel: tf.Exp, label: 'exp', shape: [4], f: (x) => tf.exp(x) },
  { kernel: tf.Log, label: 'log', shape: [4], f: (x) => tf.log(x), domain: positive },
  { kernel: tf.Log1p, label: 'log1p', shape: [4], f: (x) => tf.log1p(x), domain: positive },
  { kernel: tf.Sqrt, label: 'sqrt', shape: [4], f: (x) => tf.sqrt(x), domain: positive },
  { kernel: tf.Rsqrt, label: 'rsqrt', shape: [4], f: (x) => tf.rsqrt(x), domain: positive },
  { kernel: tf.Square, label: 'square', shape: [4], f: (x) => tf.square(x) },
  { kernel: tf.Reciprocal, label: '1/x', shape: [4], f: (x) => tf.reciprocal(x), domain: positive },
  { kernel: tf.Sigmoid, label: 'sigmoid', shape: [4], f: (x) => tf.sigmoid(x) },
  { kernel: tf.Tanh, label: 'tanh', shape: [4], f: (x) => tf.tanh(x) },
  { kernel: tf.Softplus, label: 'softplus', shape: [4], f: (x) => tf.softplus(x) },
  { kernel: tf.Relu, label: 'relu', shape: [4], f: (x) => tf.relu(x), domain: awayFromZero },
  { kernel: tf.Erf, label: 'erf', shape: [4], f: (x) => tf.erf(x) },
  { kernel: tf.Abs, label: '|x|', shape: [4], f: (x) => tf.abs(x), domain: awayFromZero },
  { kernel: tf.Sin, label: 'sin', shape: [4], f: (x) => tf.sin(x) },
  { kernel: tf.Cos, label: 'cos', shape: [4], f: (x) => tf.cos(x) },
  { kernel: tf.Step, label: 'x * step(x) (step has zero gradient)', shape: [4], f: (x) => tf.mul(x, tf.step(x)), domain: awayFromZero },
  { kernel: tf.Sign, label: 'x * sign(x)', shape: [4], f: (x) => tf.mul(x, tf.sign(x)), domain: awayFromZero },
  { kernel: tf.Floor, label: 'x + floor(3x)', shape: [4], f: (x) => tf.add(x, tf.floor(tf.mul(x, 3))), domain: (v) => Math.floor(v * 3) / 3 + 0.15 },
  { kernel: tf.Round, label: 'x + round(3x)', shape: [4], f: (x) => tf.add(x, tf.round(tf.mul(x, 3))), domain: (v) => Math.round(v * 3) / 3 + 0.1 },
  { kernel: tf.Cast, label: 'cast float32 -> float32', shape: [4], f: (x) => tf.cast(x, 'float32') },
  { kernel: tf.ClipByValue, label: 'clip to [-0.5, 0.5]', shape: [6], f: (x) => tf.clipByValue(x, -0.5, 0.5), domain: (v) => (Math.abs(Math.abs(v) - 0.5) < 0.05 ? v * 0.8 : v) },
  { kernel: tf.Sum, label: 'sum over axis 1, keepDims', shape: [2, 3, 2], f: (x) => tf.sum(x, 1, true) },
  { kernel: tf.Sum, label: 'sum over [0, 2]', shape: [2, 3, 2], f: (x) => tf.sum(x, [0, 2]) },
  { kernel: tf.Mean, label: 'mean over -1', shape: [2, 3], f: (x) => tf.mean(x, -1) },
  { kernel: tf.Max, label: 'max over -1', shape: [2, 3], f: (x) => tf.max(x, -1) },
  { kernel: tf.Min, label: 'min over 0, keepDims', shape: [2, 3], f: (x) => tf.min(x, 0, true) },
  { kernel: tf.Reshape, label: 'reshape', shape: [2, 3], f: (x) => tf.mul(tf.reshape(x, [3, 2]), tf.tensor(randomFloats(6, 5), [3, 2])) },
  { kernel: tf.ExpandDims, label: 'expandDims', shape: [2, 3], f: (x) => tf.expandDims(x, 1) },
  { kernel: tf.Transpose, label: 'transpose [2,0,1]', shape: [2, 3, 4], f: (x) => tf.transpose(x, [2, 0, 1]) },
  { kernel: tf.Concat, label: 'concat [x, 2x] on axis 1', shape: [2, 3], f: (x) => tf.concat([x, tf.mul(x, 2)], 1) },
  { kernel: tf.Pack, label: 'stack [x, x^2] on axis 1', shape: [2, 3], f: (x) => tf.stack([x, tf.square(x)], 1) },
  { kernel: tf.Unpack, label: 'unstack on axis 1', shape: [2, 3], f: (x) => tf.unstack(x, 1).slice(0, 2) },
  { kernel: tf.SplitV, label: 'split [1, 2] on axis 1 (one part unused)', shape: [2, 3], f: (x) => tf.split(x, [1, 2], 1).slice(1) },
  { kernel: tf.Slice, label: 'slice', shape: [3, 4], f: (x) => tf.slice(x, [1, 1], [2, -1]) },
  { kernel: tf.PadV2, label: 'pad', shape: [2, 3], f: (x) => tf.pad(x, [[1, 0], [2, 1]], 0.5) },
  { kernel: tf.Tile, label: 'tile [2, 1, 3]', shape: [2, 3, 1], f: (x) => tf.tile(x, [2, 1, 3]) },
  { kernel: tf.Select, label: 'where(c > 0, x, x^2)', shape: [2, 3], f: (x) => tf.where(tf.greater(c23(), 0), x, tf.square(x)) },
  { kernel: tf.GatherV2, label: 'gather rows, repeated ids', shape: [4, 3], f: (x) => tf.gather(x, tf.tensor1d([3, 0, 3, 1], 'int32')) },
  { kernel: tf.GatherV2, label: 'gather on axis 1', shape: [2, 4, 3], f: (x) => tf.gather(x, tf.tensor2d([[1, 1], [3, 0]], [2, 2], 'int32'), 1) },
  { kernel: tf.Softmax, label: 'softmax on the last axis', shape: [2, 5], f: (x) => tf.softmax(x) },
  { kernel: tf.BatchMatMul, label: 'x^T c^T (flags)', shape: [3, 2], f: (x) => tf.matMul(x, c23(), true, true) },
  { kernel: tf.BatchMatMul, label: 'c x, batched', shape: [2, 3, 2], f: (x) => tf.matMul(tf.tensor(randomFloats(12, 4), [2, 2, 3]), x) },
];

describe('registered gradients agree with finite differences', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
    quietCpuBackend();
    registerGradients();
  });

  it('every registered gradient is checked below', () => {
    expect(new Set(CASES.map((c) => c.kernel))).toEqual(new Set(GRADIENTS.map((g) => g.kernelName)));
  });

  it.each(CASES.map((c) => [`${c.kernel}: ${c.label}`, c] as const))('%s', (_name, c) => {
    const size = c.shape.reduce((a, b) => a * b, 1);
    const x = tf.tensor(randomFloats(size, 17).map(c.domain ?? ((v) => v)), c.shape);
    const before = tf.memory().numTensors;
    const scalar = (input: tf.Tensor): tf.Scalar =>
      tf.tidy(() => {
        const outputs = ([] as tf.Tensor[]).concat(c.f(input));
        const terms = outputs.map((y, i) => tf.sum(tf.mul(y, tf.tensor(randomFloats(y.size, 31 + i), y.shape))));
        return tf.addN(terms) as tf.Scalar;
      });
    const { maxError, checked } = checkGradient(scalar, x);
    expect(checked).toBe(size);
    expect(maxError).toBeLessThan(TOLERANCE);
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });
});
