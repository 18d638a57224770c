import { JsSimilarity } from './js-similarity';
import type { SimilarityBackend } from './similarity-backend';
import { WasmSimilarity, bestWasmVariant } from './wasm-similarity';

/**
 * Which similarity kernel to run: `auto` is the best WebAssembly kernel where there is one, else
 * plain JS; `wasm` the best WebAssembly kernel (relaxed SIMD, i.e. FMA, where the runtime has it,
 * else SIMD); `wasm-simd` and `wasm-relaxed-simd` one of them exactly; `js` the JS fallback.
 */
const KERNELS = {
  auto: (): SimilarityBackend => (bestWasmVariant() !== null ? new WasmSimilarity() : new JsSimilarity()),
  wasm: (): SimilarityBackend => new WasmSimilarity(),
  'wasm-simd': (): SimilarityBackend => new WasmSimilarity('simd'),
  'wasm-relaxed-simd': (): SimilarityBackend => new WasmSimilarity('relaxed-simd'),
  js: (): SimilarityBackend => new JsSimilarity(),
} as const;

export type SimilarityKernel = keyof typeof KERNELS;
export const SIMILARITY_KERNELS = Object.keys(KERNELS) as SimilarityKernel[];

/** A new backend (each owns its scratch and kernel memory); an unknown name throws with the valid ones. */
export function createSimilarityBackend(kernel: SimilarityKernel = 'auto'): SimilarityBackend {
  if (!Object.hasOwn(KERNELS, kernel)) {
    throw new Error(`unknown similarity kernel ${JSON.stringify(kernel)}; valid: ${SIMILARITY_KERNELS.join(', ')}`);
  }
  return KERNELS[kernel]();
}
