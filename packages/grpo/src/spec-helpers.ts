// Shared by this package's tests: the backend, leak checks, named tolerances.
import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '@mixed-r1/policy';

/** Float32 arithmetic on values of order 1, a few operations deep. */
export const FLOAT32_TOLERANCE = 2e-6;
/** Against the PyTorch fixture (SPEC: 1e-5). */
export const REFERENCE_TOLERANCE = 1e-5;

/** The exact pure-JS cpu backend, with the policy package's gradients registered. */
export async function useCpuBackend(): Promise<void> {
  await selectBackend('cpu', { log: () => undefined });
}

/** Runs f and checks that it leaves no tensor behind. */
export function withoutLeaks<T>(f: () => T): T {
  const before = tf.memory().numTensors;
  const out = f();
  expect(tf.memory().numTensors).toBe(before);
  return out;
}

/** Largest absolute difference between two arrays of the same length. */
export function maxDifference(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
  return worst;
}

export function expectAllClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number): void {
  expect(maxDifference(actual, expected)).toBeLessThanOrEqual(tolerance);
}

/**
 * The wasm backend with the policy package's kernels: for tests of the real model, whose cpu
 * kernels are slow under jest (every JS global lookup in a vm context is).
 */
export async function useWasmBackend(): Promise<void> {
  await selectBackend('wasm', { log: () => undefined });
}
