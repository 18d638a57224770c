import * as tf from '@tensorflow/tfjs-core';
import { useCpuBackend, withoutLeaks } from '../spec-helpers';
import { AdamW } from './adamw';

beforeAll(useCpuBackend);

const CONFIG = { learningRate: 0.1, betas: [0.9, 0.999] as const, eps: 1e-8, weightDecay: 0.1 };

describe('AdamW (torch.optim.AdamW)', () => {
  it('matches a hand-computed two-step update with decoupled weight decay and bias correction', () => {
    const p = tf.variable(tf.tensor1d([1, -2]));
    const optimizer = new AdamW(new Map([['p', p]]), CONFIG);
    const lr = 0.1;
    // Step 1, g = [0.5, 0]: p *= 1 - lr * wd; m = 0.1 g; v = 0.001 g^2; m_hat = m / 0.1, v_hat = v / 0.001.
    const g1 = tf.tensor1d([0.5, 0]);
    optimizer.apply(new Map([['p', g1]]), lr); // creates the two moments
    const step1 = [0.99 - (0.05 / 0.1) / (Math.sqrt(0.00025 / 0.001) + 1e-8) * lr, -2 * 0.99];
    Array.from(p.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(step1[i], 6));
    // Step 2, g = [-1, 0]: m = 0.9 * 0.05 - 0.1 = -0.055, v = 0.999 * 0.00025 + 0.001 = 0.00124975.
    const g2 = tf.tensor1d([-1, 0]);
    withoutLeaks(() => optimizer.apply(new Map([['p', g2]]), lr));
    const mHat = -0.055 / (1 - 0.9 ** 2);
    const vHat = 0.00124975 / (1 - 0.999 ** 2);
    const step2 = [step1[0] * 0.99 - lr * mHat / (Math.sqrt(vHat) + 1e-8), step1[1] * 0.99];
    Array.from(p.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(step2[i], 6));
    expect(optimizer.step).toBe(2);
    tf.dispose([g1, g2, p]);
    optimizer.dispose();
  });

  it('leaves a variable without a gradient alone, weight decay included (torch skips grad None)', () => {
    const a = tf.variable(tf.tensor1d([1]));
    const b = tf.variable(tf.tensor1d([1]));
    const optimizer = new AdamW(new Map([['a', a], ['b', b]]), CONFIG);
    const g = tf.tensor1d([1]);
    optimizer.apply(new Map([['a', g]]), 0.1);
    expect(b.dataSync()[0]).toBe(1);
    expect(a.dataSync()[0]).not.toBe(1);
    expect(() => optimizer.apply(new Map([['c', g]]), 0.1)).toThrow(/a gradient for "c", which is not one of the variables it updates/);
    tf.dispose([a, b, g]);
    optimizer.dispose();
  });

  it('saves and restores its state: a restored optimizer continues identically', () => {
    const make = () => tf.variable(tf.tensor1d([0.5, 1.5, -1]));
    const [p, q] = [make(), make()];
    const first = new AdamW(new Map([['p', p]]), CONFIG);
    const g1 = tf.tensor1d([0.1, -0.2, 0.3]);
    const g2 = tf.tensor1d([-0.4, 0.5, 0.6]);
    first.apply(new Map([['p', g1]]), 0.1);
    const second = new AdamW(new Map([['p', q]]), CONFIG);
    q.assign(p);
    second.loadState(first.state());
    first.apply(new Map([['p', g2]]), 0.1);
    second.apply(new Map([['p', g2]]), 0.1);
    expect(Array.from(q.dataSync())).toEqual(Array.from(p.dataSync()));
    expect(() => second.loadState({ step: 1, firstMoment: new Map([['p', new Float32Array(2)]]), secondMoment: new Map([['p', new Float32Array(2)]]) })).toThrow(/"p" needs 3 values/);
    tf.dispose([p, q, g1, g2]);
    first.dispose();
    second.dispose();
  });
});
