import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { registerWasmKernels } from '../wasm-kernels';
import { BackendUnavailable, type BackendCandidate } from './backend-candidate';

/**
 * tfjs-backend-wasm (XNNPACK, SIMD; single-threaded under Node). Gets the JS UnsortedSegmentSum
 * kernel it lacks (the gradient of `gather`), a BatchMatMul that keeps several products on
 * XNNPACK (wasm-batch-mat-mul.ts) and an Identity that does not copy (wasm-identity.ts); the
 * model's matMul transposes explicitly (mat-mul.ts).
 */
export const wasmCandidate: BackendCandidate = {
  name: 'wasm',
  description: '@tensorflow/tfjs-backend-wasm (WebAssembly SIMD, single-threaded)',
  async activate() {
    let ok: boolean;
    try {
      ok = await tf.setBackend('wasm');
    } catch (error) {
      throw new BackendUnavailable('wasm', `the WebAssembly module failed to load: ${(error as Error).message}`);
    }
    if (!ok) throw new BackendUnavailable('wasm', 'the WebAssembly module did not initialise');
    registerWasmKernels();
  },
};
