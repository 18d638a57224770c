import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '../backend/select-backend';
import { tinyConfig } from '../config/tiny-config';
import { initParameters, type PolicyParameters } from '../model/parameters';
import { promptLogits } from '../model/qwen2-5-vl';
import { Weights } from '../model/weights';
import { randomImage, tinyPromptIds } from '../testing/tiny-inputs';
import { lossAndGradients } from './gradients';
import { nextTokenLoss } from './next-token-loss';

const config = tinyConfig();
let params: PolicyParameters;
beforeAll(async () => {
  await selectBackend('wasm', { log: () => undefined });
  params = initParameters(config, { seed: 21, std: 0.1 });
});
afterAll(() => params.dispose());

describe('nextTokenLoss', () => {
  it('is the mean cross-entropy of the scored positions (naive reference: full logits, log softmax)', () => {
    const image = randomImage(4, 6, 2);
    const prompt = tinyPromptIds(6, 5);
    const row = [...prompt, 11, 12, 13];
    const [loss, expected] = tf.tidy(() => {
      const w = Weights.live(params);
      const value = nextTokenLoss(w, [row], { images: [image], fromPosition: prompt.length }).dataSync()[0];
      const logProbs = tf.logSoftmax(promptLogits(w, { tokenIds: row, images: [image] })).arraySync() as number[][];
      const reference = -[11, 12, 13].reduce((sum, token, i) => sum + logProbs[prompt.length - 1 + i][token], 0) / 3;
      return [value, reference];
    });
    expect(Math.abs(loss - expected)).toBeLessThan(1e-5);
  });

  it('with token weights, is the weighted mean: a weight on one position alone gives that position\'s loss', () => {
    const image = randomImage(4, 6, 2);
    const prompt = tinyPromptIds(6, 5);
    const row = [...prompt, 11, 12, 13];
    const [weighted, lastOnly, plain] = tf.tidy(() => {
      const w = Weights.live(params);
      const options = { images: [image], fromPosition: prompt.length };
      const logProbs = tf.logSoftmax(promptLogits(w, { tokenIds: row, images: [image] })).arraySync() as number[][];
      const nll = [11, 12, 13].map((token, i) => -logProbs[prompt.length - 1 + i][token]);
      return [
        [nextTokenLoss(w, [row], { ...options, tokenWeights: [[1, 0, 3]] }).dataSync()[0], (nll[0] + 3 * nll[2]) / 4],
        [nextTokenLoss(w, [row], { ...options, tokenWeights: [[0, 0, 2]] }).dataSync()[0], nextTokenLoss(w, [row], { ...options, fromPosition: row.length - 1 }).dataSync()[0]],
        [nextTokenLoss(w, [row], options).dataSync()[0], nextTokenLoss(w, [row], { ...options, tokenWeights: [[5, 5, 5]] }).dataSync()[0]],
      ];
    });
    expect(Math.abs(weighted[0] - weighted[1])).toBeLessThan(1e-5);
    expect(Math.abs(lastOnly[0] - lastOnly[1])).toBeLessThan(1e-5);
    expect(Math.abs(plain[0] - plain[1])).toBeLessThan(1e-5);
  });

  it('scales each term by (1 - p)^gamma with focalGamma (the focal loss), weights and all; gamma 0 is the plain loss', () => {
    const image = randomImage(4, 6, 3);
    const prompt = tinyPromptIds(6, 7);
    const row = [...prompt, 21, 22, 23];
    const [focal, reference, zero, plain] = tf.tidy(() => {
      const w = Weights.live(params);
      const options = { images: [image], fromPosition: prompt.length, tokenWeights: [[2, 1, 1]] };
      const logProbs = tf.logSoftmax(promptLogits(w, { tokenIds: row, images: [image] })).arraySync() as number[][];
      const p = [21, 22, 23].map((token, i) => Math.exp(logProbs[prompt.length - 1 + i][token]));
      const terms = p.map((pi, i) => [2, 1, 1][i] * (1 - pi) ** 2 * -Math.log(pi));
      return [
        nextTokenLoss(w, [row], { ...options, focalGamma: 2 }).dataSync()[0],
        terms.reduce((a, b) => a + b, 0) / 4,
        nextTokenLoss(w, [row], { ...options, focalGamma: 0 }).dataSync()[0],
        nextTokenLoss(w, [row], options).dataSync()[0],
      ];
    });
    expect(Math.abs(focal - reference)).toBeLessThan(1e-5);
    expect(zero).toBe(plain);
    expect(() => nextTokenLoss(Weights.live(params), [row], { images: [image], fromPosition: prompt.length, focalGamma: -1 })).toThrow('focalGamma must be a finite number >= 0, found -1');
  });

  it('rejects token weights of the wrong shape, negative or all zero', () => {
    const w = Weights.live(params);
    expect(() => nextTokenLoss(w, [[1, 2, 3]], { tokenWeights: [[1]] })).toThrow('tokenWeights must give 2 weights for each of the 1 rows');
    expect(() => nextTokenLoss(w, [[1, 2, 3]], { tokenWeights: [[1, -1]] })).toThrow('must be finite, >= 0 and not all zero');
    expect(() => nextTokenLoss(w, [[1, 2, 3]], { tokenWeights: [[0, 0]] })).toThrow('must be finite, >= 0 and not all zero');
  });

  it('rejects a start that leaves nothing to score', () => {
    expect(() => nextTokenLoss(Weights.live(params), [[1, 2]], { fromPosition: 2 })).toThrow('nextTokenLoss: fromPosition 2 leaves no token to score in rows of 2');
  });
});

describe('lossAndGradients', () => {
  it('returns the loss and a gradient per parameter name, leaking nothing else; a step lowers the loss', () => {
    const rows = [
      [1, 2, 3, 4, 5, 6],
      [6, 5, 4, 3, 2, 1],
    ];
    const before = tf.memory().numTensors;
    const { loss, gradients } = lossAndGradients(params, (w) => nextTokenLoss(w, rows));
    expect(tf.memory().numTensors).toBe(before + 1 + gradients.size);
    // Text only: the decoder's parameters have gradients, the vision tower's none.
    expect([...gradients.keys()]).toEqual(params.names().filter((n) => !n.startsWith('visual.')));
    expect(gradients.get('model.norm.weight')?.shape).toEqual([128]);
    const start = loss.dataSync()[0];
    // Plain gradient descent on the decoder (the text-only loss gives the vision tower zero gradient).
    for (const [name, g] of gradients) {
      const updated = tf.tidy(() => tf.sub(params.get(name), tf.mul(g, 0.5)));
      params.get(name).assign(updated);
      updated.dispose();
    }
    tf.dispose([loss, ...gradients.values()]);
    expect(tf.memory().numTensors).toBe(before);
    const after = tf.tidy(() => nextTokenLoss(Weights.live(params), rows).dataSync()[0]);
    expect(after).toBeLessThan(start);
  });

  it('also differentiates extra variables the loss reads, under their own names (d(L s^2)/ds = 2 s L)', () => {
    const rows = [[1, 2, 3, 4, 5, 6]];
    const scale = tf.variable(tf.scalar(1.5), true);
    const loss = (w: Weights) => tf.mul(nextTokenLoss(w, rows), tf.square(scale)) as tf.Scalar;
    const { loss: value, gradients } = lossAndGradients(params, loss, new Map([['aux.scale', scale]]));
    const plain = tf.tidy(() => nextTokenLoss(Weights.live(params), rows).dataSync()[0]);
    // d(L * s^2)/ds = 2 s L
    expect(gradients.get('aux.scale')!.dataSync()[0]).toBeCloseTo(2 * 1.5 * plain, 3);
    expect(gradients.has('model.norm.weight')).toBe(true);
    tf.dispose([value, ...gradients.values()]);
    expect(() => lossAndGradients(params, loss, new Map([['model.norm.weight', scale]]))).toThrow('extra variable "model.norm.weight" has the name of a policy parameter');
    scale.dispose();
  });
});
