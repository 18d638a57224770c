import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '@mixed-r1/policy';
import { checkGradient } from '@mixed-r1/policy/testing';
import { balancedTokenWeights, COLOUR_CLASSES, perceptionLoss, PerceptionHead, SHAPE_CLASSES } from './perception-head';

let features: tf.Tensor2D;
beforeAll(async () => {
  await selectBackend('wasm', { log: () => undefined });
  features = tf.tensor2d([0.5, -1, 2, 0.1, -0.3, 0.7, 1.5, 0.2, -2, 0.4, 0.9, -0.8], [4, 3]);
});

/** -log softmax(row)[label], in float64. */
function naiveCrossEntropy(row: number[], label: number): number {
  const max = Math.max(...row);
  const logSum = Math.log(row.reduce((s, v) => s + Math.exp(v - max), 0)) + max;
  return logSum - row[label];
}

describe('balancedTokenWeights', () => {
  it('gives background and object tokens half of the weight each', () => {
    expect([...balancedTokenWeights(Int32Array.from([0, 0, 0, 2]))]).toEqual([1 / 6, 1 / 6, 1 / 6, 0.5].map(Math.fround));
  });

  it('gives one kind all of it when the other is absent', () => {
    expect([...balancedTokenWeights(Int32Array.from([0, 0, 0, 0]))]).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect([...balancedTokenWeights(Int32Array.from([3, 1]))]).toEqual([0.5, 0.5]);
  });
});

describe('perceptionLoss', () => {
  const labels = { shape: Int32Array.from([0, 2, 0, 5]), colour: Int32Array.from([0, 1, 0, 8]) };

  it('is the balanced cross-entropy of the shape head plus that of the colour head', () => {
    const head = new PerceptionHead(3, 11);
    const shapeLogits = head.logits(features).shape.arraySync();
    const colourLogits = head.logits(features).colour.arraySync();
    expect(shapeLogits[0]).toHaveLength(SHAPE_CLASSES);
    expect(colourLogits[0]).toHaveLength(COLOUR_CLASSES);
    // two background tokens (0, 2) share 1/2, two object tokens (1, 3) share 1/2
    const balanced = (logits: number[][], label: Int32Array) => [0, 1, 2, 3].reduce((s, t) => s + 0.25 * naiveCrossEntropy(logits[t], label[t]), 0);
    const expected = balanced(shapeLogits, labels.shape) + balanced(colourLogits, labels.colour);
    expect(perceptionLoss(head, features, labels).dataSync()[0]).toBeCloseTo(expected, 5);
    head.dispose();
  });

  it('has the gradient of central differences with respect to the features', () => {
    const head = new PerceptionHead(3, 12);
    const check = checkGradient((x) => perceptionLoss(head, x as tf.Tensor2D, labels), features, { h: 1e-2 });
    expect(check.maxNumeric).toBeGreaterThan(1e-3);
    expect(check.maxError).toBeLessThan(2e-3);
    head.dispose();
  });
});
