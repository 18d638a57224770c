import * as tf from '@tensorflow/tfjs-core';
import { initBothBackends, onStockCpu, onWasm, randomFloats, wholeNumbers } from './backend-test-helpers';
import { matMul } from './mat-mul';

interface Case {
  readonly ta: boolean;
  readonly tb: boolean;
}
const COMBOS: Case[] = [
  { ta: false, tb: false },
  { ta: false, tb: true },
  { ta: true, tb: false },
  { ta: true, tb: true },
];

/** Shapes of A and B for C = op(A) op(B) of shape [...batch, m, n] with inner size k. */
function shapes({ ta, tb }: Case, batch: number[], m: number, k: number, n: number): [number[], number[]] {
  return [
    [...batch, ...(ta ? [k, m] : [m, k])],
    [...batch, ...(tb ? [n, k] : [k, n])],
  ];
}

/** C and the gradients of sum(C * W) with respect to A and B, as plain arrays. */
function productAndGrads(
  mm: (a: tf.Tensor, b: tf.Tensor) => tf.Tensor,
  a: Float32Array,
  b: Float32Array,
  w: Float32Array,
  [shapeA, shapeB]: [number[], number[]],
): number[][] {
  return tf.tidy(() => {
    const A = tf.tensor(a, shapeA);
    const B = tf.tensor(b, shapeB);
    const C = mm(A, B);
    const W = tf.tensor(w, C.shape);
    const [dA, dB] = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(mm(x, y), W)))([A, B]);
    return [C, dA, dB].map((t) => Array.from(t.dataSync()));
  });
}

/** Naive reference: element (i, j) of op(X) for a row-major 2-D X with `cols` columns. */
function op(x: Float32Array, cols: number, transposed: boolean): (i: number, j: number) => number {
  return transposed ? (i, j) => x[j * cols + i] : (i, j) => x[i * cols + j];
}

describe('matMul with explicit-transpose gradients', () => {
  beforeAll(initBothBackends);

  for (const combo of COMBOS) {
    const name = `transposeA=${combo.ta} transposeB=${combo.tb}`;

    it(`${name}: wasm (custom gradient) agrees exactly with cpu tf.matMul on whole numbers, 2-D and 4-D`, async () => {
      for (const batch of [[], [2, 3]]) {
        const s = shapes(combo, batch, 5, 7, 4);
        const size = (shape: number[]) => shape.reduce((x, y) => x * y, 1);
        const a = wholeNumbers(s[0], 1);
        const b = wholeNumbers(s[1], 2);
        const w = wholeNumbers([...batch, 5, 4], 3);
        const cpu = await onStockCpu(() => productAndGrads((x, y) => tf.matMul(x, y, combo.ta, combo.tb), a, b, w, s));
        const wasm = await onWasm(() => productAndGrads((x, y) => matMul(x, y, combo.ta, combo.tb), a, b, w, s));
        expect(wasm).toEqual(cpu);
        expect(wasm[1]).toHaveLength(size(s[0]));
      }
    });

    it(`${name}: product and gradients equal a naive loop on random floats`, async () => {
      const [m, k, n] = [6, 9, 5];
      const s = shapes(combo, [], m, k, n);
      const a = randomFloats(m * k, 11);
      const b = randomFloats(k * n, 12);
      const w = randomFloats(m * n, 13);
      const [c, dA, dB] = await onWasm(() => productAndGrads((x, y) => matMul(x, y, combo.ta, combo.tb), a, b, w, s));
      const A = op(a, s[0][1], combo.ta);
      const B = op(b, s[1][1], combo.tb);
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          let sum = 0;
          for (let p = 0; p < k; p++) sum += A(i, p) * B(p, j);
          expect(c[i * n + j]).toBeCloseTo(sum, 5);
        }
      }
      // d/dA(i,p) of sum_ij W_ij (AB)_ij = sum_j W_ij B_pj, stored at A's own (maybe transposed) place.
      for (let i = 0; i < m; i++) {
        for (let p = 0; p < k; p++) {
          let gA = 0;
          for (let j = 0; j < n; j++) gA += w[i * n + j] * B(p, j);
          expect(dA[combo.ta ? p * m + i : i * k + p]).toBeCloseTo(gA, 5);
        }
      }
      for (let p = 0; p < k; p++) {
        for (let j = 0; j < n; j++) {
          let gB = 0;
          for (let i = 0; i < m; i++) gB += w[i * n + j] * A(i, p);
          expect(dB[combo.tb ? j * k + p : p * n + j]).toBeCloseTo(gB, 5);
        }
      }
    });
  }

  it('leaks no tensors', async () => {
    await onWasm(() => undefined);
    const a = tf.ones([3, 4]);
    const b = tf.ones([5, 4]);
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(matMul(x, y, false, true)))([a, b]);
    });
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([a, b]);
  });

  it('names mismatched operands', async () => {
    await onWasm(() => undefined);
    const a = tf.ones([3, 4]);
    expect(() => matMul(a, tf.ones([3, 4]))).toThrow('matMul: inner dimensions differ (4 vs 3) for [3, 4] x [3, 4]');
    expect(() => matMul(a, tf.ones([2, 4, 3]))).toThrow('matMul: operands must have the same rank >= 2, found [3, 4] and [2, 4, 3]');
    expect(() => matMul(tf.ones([2, 3, 4]), tf.ones([3, 4, 2]))).toThrow('matMul: batch dimensions differ');
  });
});
