import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '@mixed-r1/policy';
import { answerLocalisationLoss, boxErrorPixels, localisationLoss, LocalisationHead } from './localisation-head';
import type { LocalisationTargets } from './localisation-targets';

beforeAll(async () => {
  await selectBackend('cpu', { log: () => undefined });
});

// Two tokens of a 100 x 50 frame; the second is on an object.
const targets: LocalisationTargets = {
  centres: Float32Array.from([0.25, 0.5, 0.75, 0.5]),
  boxes: Float32Array.from([0, 0, 0, 0, 0.6, 0.2, 0.9, 0.8]),
  onObject: Float32Array.from([0, 1]),
  inputSize: [100, 50],
  answerBox: null,
};

/** A head whose weights are zero and whose bias is `bias`: it predicts `bias` for every token. */
function constantHead(bias: number[], answerBias = [0, 0, 0, 0]): LocalisationHead {
  const head = new LocalisationHead(3, 1);
  head.variables.get('localisation.weight')!.assign(tf.zeros([6, 3]));
  head.variables.get('localisation.bias')!.assign(tf.tensor1d(bias));
  head.variables.get('localisation.answer.weight')!.assign(tf.zeros([4, 3]));
  head.variables.get('localisation.answer.bias')!.assign(tf.tensor1d(answerBias));
  return head;
}

describe('localisationLoss', () => {
  it('is the centres mean squared error over all tokens plus the boxes one over the object tokens (hand-computed)', () => {
    const head = constantHead([0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);
    const states = tf.tensor2d([[1, 2, 3], [-1, 0, 4]]);
    // centres: errors 0.25, 0, 0.25, 0 -> mean of squares 0.03125
    // box of token 1: errors 0.1, 0.3, 0.4, 0.3 -> (0.01 + 0.09 + 0.16 + 0.09) / 4 = 0.0875
    expect(localisationLoss(head, states, targets).dataSync()[0]).toBeCloseTo(0.03125 + 0.0875, 6);
    head.dispose();
  });

  it('has only the centres term when no token is on an object', () => {
    const head = constantHead([0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);
    const background = { ...targets, onObject: Float32Array.from([0, 0]) };
    expect(localisationLoss(head, tf.tensor2d([[1, 2, 3], [-1, 0, 4]]), background).dataSync()[0]).toBeCloseTo(0.03125, 6);
    head.dispose();
  });

  it('reads states scaled to unit root mean square: a state and twice it predict alike', () => {
    const head = new LocalisationHead(3, 2);
    const once = head.predict(tf.tensor2d([[1, -2, 3]])).dataSync();
    const twice = head.predict(tf.tensor2d([[2, -4, 6]])).dataSync();
    once.forEach((v, i) => expect(twice[i]).toBeCloseTo(v, 5));
    head.dispose();
  });

  it('names a mismatch between states and targets', () => {
    const head = constantHead([0, 0, 0, 0, 0, 0]);
    expect(() => localisationLoss(head, tf.tensor2d([[1, 2, 3]]), targets)).toThrow('1 image-token states for 2 targets');
    head.dispose();
  });
});

describe('answerLocalisationLoss', () => {
  it('is the mean squared error of the asked-for box read at the answer (hand-computed)', () => {
    const head = constantHead([0, 0, 0, 0, 0, 0], [0.5, 0.5, 0.5, 0.5]);
    // errors 0.1, 0.3, 0.4, 0.3 -> (0.01 + 0.09 + 0.16 + 0.09) / 4
    const loss = answerLocalisationLoss(head, tf.tensor2d([[1, 2, 3]]), Float32Array.from([0.6, 0.2, 0.9, 0.8]));
    expect(loss.dataSync()[0]).toBeCloseTo(0.0875, 6);
    head.dispose();
  });
});

describe('boxErrorPixels', () => {
  it('sums the box errors of the object tokens in pixels, x over the width and y over the height', () => {
    // token 1 predicts box 0.5, 0.5, 0.5, 0.5: errors 0.1 * 100, 0.3 * 50, 0.4 * 100, 0.3 * 50 = 10 + 15 + 40 + 15
    const predicted = Float32Array.from([0, 0, 9, 9, 9, 9, 0, 0, 0.5, 0.5, 0.5, 0.5]);
    const error = boxErrorPixels(predicted, targets);
    expect(error.count).toBe(4);
    expect(error.total).toBeCloseTo(80, 4);
  });
});
