import * as tf from '@tensorflow/tfjs-core';
import { useCpuBackend, withoutLeaks } from '../spec-helpers';
import { clipCoefficient, clipGradNorm, globalNorm } from './clip-grad-norm';

beforeAll(useCpuBackend);

describe('clip_grad_norm_', () => {
  it('global norm over all tensors: sqrt(3^2 + 4^2 + 12^2) = 13', () => {
    withoutLeaks(() => {
      const grads = [tf.tensor1d([3, 4]), tf.tensor2d([[12]])];
      expect(globalNorm(grads)).toBe(13);
      tf.dispose(grads);
    });
  });

  it('scales by max_norm / (norm + 1e-6) when above, and returns the norm before clipping', () => {
    const grads = new Map<string, tf.Tensor>([['a', tf.tensor1d([3, 4])], ['b', tf.tensor1d([12])]]);
    const { norm, coefficient } = clipGradNorm(grads, 1);
    expect(norm).toBe(13);
    expect(coefficient).toBe(1 / (13 + 1e-6));
    const values = [...grads.values()].flatMap((g) => Array.from(g.dataSync()));
    values.forEach((v, i) => expect(v).toBeCloseTo([3, 4, 12][i] / 13, 6));
    // The clipped global norm is max_norm (to the 1e-6 of torch's formula).
    expect(globalNorm([...grads.values()])).toBeCloseTo(1, 6);
    tf.dispose([...grads.values()]);
  });

  it('leaves gradients as they are at or below max_norm, or with clipping off', () => {
    expect(clipCoefficient(0.5, 1)).toBe(1);
    expect(clipCoefficient(1, 1)).toBe(1 / (1 + 1e-6));
    expect(clipCoefficient(100, null)).toBe(1);
    const g = tf.tensor1d([0.3, 0.4]);
    const grads = new Map([['a', g]]);
    expect(clipGradNorm(grads, 1).coefficient).toBe(1);
    expect(grads.get('a')).toBe(g);
    g.dispose();
  });
});
