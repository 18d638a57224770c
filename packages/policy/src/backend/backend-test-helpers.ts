import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { quietCpuBackend } from './candidates/cpu';
import { registerGradients } from './gradients/registry';
import { registerWasmKernels } from './wasm-kernels';

registerGradients();

/** Runs `f` on tfjs's stock cpu backend (its own kernels) and returns the values it gives. */
export async function onStockCpu<T>(f: () => T): Promise<T> {
  await tf.setBackend('cpu');
  quietCpuBackend();
  return f();
}

let wasmKernelsRegistered = false;

/** Runs `f` on wasm with this package's kernels registered (wasm-kernels.ts). */
export async function onWasm<T>(f: () => T): Promise<T> {
  await tf.setBackend('wasm');
  if (!wasmKernelsRegistered) registerWasmKernels();
  wasmKernelsRegistered = true;
  return f();
}

/** Initialises both backends (call in beforeAll; later switches are then immediate). */
export async function initBothBackends(): Promise<void> {
  await tf.setBackend('wasm');
  await tf.setBackend('cpu');
  quietCpuBackend();
}

/** Small whole numbers as float32: every product and sum of a few of them is exact in any order. */
export function wholeNumbers(shape: number[], seed: number): Float32Array {
  const size = shape.reduce((a, b) => a * b, 1);
  const values = new Float32Array(size);
  let state = seed >>> 0;
  for (let i = 0; i < size; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    values[i] = (state >>> 24) % 9 - 4;
  }
  return values;
}

/** Uniform floats in [-1, 1), seeded. */
export function randomFloats(size: number, seed: number): Float32Array {
  const values = new Float32Array(size);
  let state = seed >>> 0;
  for (let i = 0; i < size; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    values[i] = state / 2 ** 31 - 1;
  }
  return values;
}
