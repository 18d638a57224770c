import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '@mixed-r1/policy';
import { referentAttentionLoss, referentAttentionMass } from './referent-attention-loss';

beforeAll(async () => {
  await selectBackend('cpu', { log: () => undefined });
});

describe('referentAttentionLoss', () => {
  // One sequence of 3 tokens, 2 heads; head 1's rows are hand-written distributions.
  const head0 = [[1, 0, 0], [0.5, 0.5, 0], [0.2, 0.3, 0.5]];
  const head1 = [[1, 0, 0], [0.9, 0.1, 0], [0.1, 0.6, 0.3]];
  let attention: tf.Tensor4D;
  beforeAll(() => {
    attention = tf.tensor4d([[head0, head1]], [1, 2, 3, 3]);
  });
  afterAll(() => attention.dispose());

  it('sums each query row of the chosen head over its keys', () => {
    const targets = { queries: [2, 1], keys: [[0, 1], [1]] };
    const mass = referentAttentionMass(attention, 1, targets);
    expect([...mass.dataSync()].map((v) => +v.toFixed(6))).toEqual([0.7, 0.1]);
    expect([...referentAttentionMass(attention, 0, targets).dataSync()].map((v) => +v.toFixed(6))).toEqual([0.5, 0.5]);
    mass.dispose();
  });

  it('is the mean of -log(mass) over the mentions, 0 when all of a row is on its keys', () => {
    const loss = referentAttentionLoss(attention, 1, { queries: [2, 1], keys: [[0, 1], [1]] });
    expect(loss.dataSync()[0]).toBeCloseTo((-Math.log(0.7) - Math.log(0.1)) / 2, 4);
    expect(referentAttentionLoss(attention, 1, { queries: [0], keys: [[0]] }).dataSync()[0]).toBeCloseTo(0, 5);
    loss.dispose();
  });

  it('names a head the attention does not have', () => {
    expect(() => referentAttentionMass(attention, 2, { queries: [0], keys: [[0]] })).toThrow(/head 2 of a 2-head attention/);
  });
});
