import { registerUnsortedSegmentSum } from './unsorted-segment-sum';
import { registerWasmBatchMatMul } from './wasm-batch-mat-mul';
import { registerWasmIdentity } from './wasm-identity';

/**
 * The kernels this package adds to or replaces in tfjs-backend-wasm 4.22: UnsortedSegmentSum (absent:
 * the gradient of gather fails without it), BatchMatMul of several matrices on XNNPACK, and an
 * Identity that shares data instead of copying.
 */
export function registerWasmKernels(): void {
  registerUnsortedSegmentSum('wasm');
  registerWasmBatchMatMul();
  registerWasmIdentity();
}
