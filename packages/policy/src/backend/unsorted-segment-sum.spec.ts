import * as tf from '@tensorflow/tfjs-core';
import { initBothBackends, onStockCpu, onWasm, randomFloats, wholeNumbers } from './backend-test-helpers';
import { unsortedSegmentSumValues } from './unsorted-segment-sum';

describe('unsortedSegmentSumValues', () => {
  it('sums rows into their segments, drops negative ids (hand-derived)', () => {
    // x rows: [1,2], [3,4], [5,6], [7,8]; ids 1, -1, 1, 0 -> seg0 = [7,8], seg1 = [1+5, 2+6], seg2 = 0.
    const sums = unsortedSegmentSumValues([1, 2, 3, 4, 5, 6, 7, 8], [4, 2], [1, -1, 1, 0], 3);
    expect(Array.from(sums)).toEqual([7, 8, 6, 8, 0, 0]);
  });

  it('rejects an id at or past numSegments', () => {
    expect(() => unsortedSegmentSumValues([1, 2], [2], [0, 2], 2)).toThrow(
      'UnsortedSegmentSum: segment id 2 at index 1 is not below numSegments 2',
    );
  });
});

/** Gradient of sum(gather(table, ids) * weights) with respect to the table (an embedding gradient). */
function embeddingGradient(table: tf.Tensor, ids: number[], weights: tf.Tensor): Float32Array {
  return tf.tidy(() => {
    const grad = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.gather(t, tf.tensor1d(ids, 'int32')), weights)));
    return grad(table).dataSync() as Float32Array;
  });
}

describe('the JS kernel on wasm agrees exactly with the cpu backend', () => {
  const ids = [3, 0, 3, 5, 1, 3, 0, 7, 7, 2];
  beforeAll(initBothBackends);

  it('gradient of tf.gather (embeddings), repeated ids included, on random floats', async () => {
    const tableValues = wholeNumbers([8, 6], 1);
    const weightValues = randomFloats(ids.length * 6, 7);
    const cpu = await onStockCpu(() => embeddingGradient(tf.tensor(tableValues, [8, 6]), ids, tf.tensor(weightValues, [ids.length, 6])));
    const wasm = await onWasm(() => embeddingGradient(tf.tensor(tableValues, [8, 6]), ids, tf.tensor(weightValues, [ids.length, 6])));
    expect(Array.from(wasm)).toEqual(Array.from(cpu));
    // Row 3 is gathered three times: its gradient is the sum of those weight rows.
    const row3 = [0, 2, 5].map((i) => weightValues.slice(i * 6, i * 6 + 6));
    for (let j = 0; j < 6; j++) expect(wasm[3 * 6 + j]).toBeCloseTo(row3[0][j] + row3[1][j] + row3[2][j], 6);
    expect(Array.from(wasm.slice(4 * 6, 5 * 6))).toEqual([0, 0, 0, 0, 0, 0]); // id 4 never gathered
  });

  it('the op itself, on int32 rows of a 3-D tensor', async () => {
    const run = () =>
      tf.tidy(() => {
        const x = tf.tensor3d([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], [3, 2, 2], 'int32');
        const out = tf.unsortedSegmentSum(x, tf.tensor1d([2, 0, 2], 'int32'), 3);
        return { shape: out.shape, dtype: out.dtype, values: Array.from(out.dataSync()) };
      });
    const cpu = await onStockCpu(run);
    const wasm = await onWasm(run);
    // Same values; the stock cpu kernel returns float32 for int32 input, TensorFlow (and this) int32.
    expect({ ...wasm, dtype: undefined }).toEqual({ ...cpu, dtype: undefined });
    expect(wasm).toEqual({ shape: [3, 2, 2], dtype: 'int32', values: [5, 6, 7, 8, 0, 0, 0, 0, 1 + 9, 2 + 10, 3 + 11, 4 + 12] });
  });

  it('2-D segment ids (which the stock cpu kernel does not take): hand-derived', async () => {
    const out = await onWasm(() =>
      tf.tidy(() => {
        const x = tf.tensor3d([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], [2, 3, 2]);
        const ids = tf.tensor2d([2, 0, 2, 1, 0, 2], [2, 3], 'int32') as unknown as tf.Tensor1D;
        const sum = tf.unsortedSegmentSum(x, ids, 3);
        return { shape: sum.shape, values: Array.from(sum.dataSync()) };
      }),
    );
    expect(out).toEqual({ shape: [3, 2], values: [3 + 9, 4 + 10, 7, 8, 1 + 5 + 11, 2 + 6 + 12] });
  });

  it('leaks no tensors', async () => {
    await onWasm(() => undefined);
    const table = tf.ones([4, 3]);
    const weights = tf.ones([3, 3]);
    const before = tf.memory().numTensors;
    embeddingGradient(table, [0, 1, 0], weights);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([table, weights]);
  });
});
