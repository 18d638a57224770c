import * as tf from '@tensorflow/tfjs-core';
import { initBothBackends, onStockCpu, onWasm, randomFloats, wholeNumbers } from './backend-test-helpers';

describe('the wasm kernels this package registers', () => {
  beforeAll(initBothBackends);

  const batched = (a: Float32Array, b: Float32Array, shapeA: number[], shapeB: number[], flags: [boolean, boolean] = [false, false]) =>
    tf.tidy(() => {
      const out = tf.matMul(tf.tensor(a, shapeA), tf.tensor(b, shapeB), ...flags);
      return { shape: out.shape, values: Array.from(out.dataSync()) };
    });

  it('BatchMatMul of several matrices equals the cpu backend (exact on whole numbers, rank 3 and 4)', async () => {
    for (const [shapeA, shapeB] of [
      [[5, 7, 3], [5, 3, 4]],
      [[2, 3, 6, 5], [2, 3, 5, 2]],
    ]) {
      const a = wholeNumbers(shapeA, 1);
      const b = wholeNumbers(shapeB, 2);
      expect(await onWasm(() => batched(a, b, shapeA, shapeB))).toEqual(await onStockCpu(() => batched(a, b, shapeA, shapeB)));
    }
  });

  it('BatchMatMul on random floats, and the cases left to the stock kernel (flags, broadcast, one matrix)', async () => {
    const a = randomFloats(4 * 9 * 16, 3);
    const b = randomFloats(4 * 16 * 8, 4);
    const cases: [number[], number[], [boolean, boolean]][] = [
      [[4, 9, 16], [4, 16, 8], [false, false]],
      [[4, 16, 9], [4, 16, 8], [true, false]],
      [[4, 9, 16], [4, 8, 16], [false, true]],
      [[4, 9, 16], [1, 16, 8], [false, false]],
      [[36, 16], [16, 8], [false, false]],
    ];
    for (const [shapeA, shapeB, flags] of cases) {
      const sizeA = shapeA.reduce((x, y) => x * y, 1);
      const sizeB = shapeB.reduce((x, y) => x * y, 1);
      const wasm = await onWasm(() => batched(a.slice(0, sizeA), b.slice(0, sizeB), shapeA, shapeB, flags));
      const cpu = await onStockCpu(() => batched(a.slice(0, sizeA), b.slice(0, sizeB), shapeA, shapeB, flags));
      expect(wasm.shape).toEqual(cpu.shape);
      wasm.values.forEach((v, i) => expect(Math.abs(v - cpu.values[i])).toBeLessThan(1e-5));
    }
  });

  it('Identity shares the data: the clone outlives the original, and nothing leaks', async () => {
    await onWasm(() => undefined);
    const before = tf.memory().numTensors;
    const x = tf.tensor([1, 2, 3]);
    const y = tf.clone(x);
    x.dispose();
    expect(Array.from(y.dataSync())).toEqual([1, 2, 3]);
    y.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
