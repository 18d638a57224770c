import { checkRows, maxAverages, type DirectionalScores, type PreparedReference, type SimilarityBackend } from './similarity-backend';
import { wasmApi, type WasmMemory, type WasmModule } from './wasm-runtime';
import { SIMILARITY_WASM_RELAXED_SIMD_BASE64, SIMILARITY_WASM_SIMD_BASE64 } from './wasm/similarity-wasm.generated';

/**
 * The WebAssembly backend: the 4 x 2 register-blocked SIMD kernel of wasm/similarity.wat. Rows are
 * padded with zeros to a multiple of 4 values, answers to a multiple of 4 rows and references to a
 * multiple of 2 (padded entries of S are never read). Kernel memory, in floats (dp = padded d):
 *   [0, mp*dp)         the resident reference (mp x dp); rewritten only when the reference
 *                      changes, so the G completions of a group share one copy
 *   [mp*dp, +np*dp)    answer rows (np x dp)
 *   [.., +np*mp)       S (np x mp)
 */

export const WASM_VARIANTS = ['relaxed-simd', 'simd'] as const;
export type WasmVariant = (typeof WASM_VARIANTS)[number];

const BASE64: Record<WasmVariant, string> = {
  'relaxed-simd': SIMILARITY_WASM_RELAXED_SIMD_BASE64,
  simd: SIMILARITY_WASM_SIMD_BASE64,
};
const PAGE_BYTES = 65536;
/** Stay below 2 GiB so every byte offset is a positive i32. */
const MAX_MEMORY_BYTES = 2 ** 31 - PAGE_BYTES;

const compiled = new Map<WasmVariant, WasmModule | null>();

/** The compiled kernel of `variant`, or null where this runtime cannot validate it. */
function compiledModule(variant: WasmVariant): WasmModule | null {
  if (!compiled.has(variant)) {
    const api = wasmApi();
    const bytes = new Uint8Array(Buffer.from(BASE64[variant], 'base64'));
    compiled.set(variant, api?.validate(bytes) ? new api.Module(bytes) : null);
  }
  return compiled.get(variant) ?? null;
}

/** The fastest kernel variant this runtime runs (relaxed SIMD needs Node >= 22), or null. */
export function bestWasmVariant(): WasmVariant | null {
  return WASM_VARIANTS.find((variant) => compiledModule(variant) !== null) ?? null;
}

class WasmPreparedReference implements PreparedReference {
  constructor(
    /** paddedRows x paddedWidth, row-major, zero-padded. */
    readonly data: Float32Array,
    readonly rows: number,
    readonly paddedRows: number,
    readonly hiddenSize: number,
    readonly paddedWidth: number,
  ) {}
}

const roundUp = (value: number, multiple: number): number => Math.ceil(value / multiple) * multiple;

/** Copies `rows` (their first d values) into `into` at `at` with row stride dp >= d, zeroing the pad. */
function copyRows(rows: readonly Float32Array[], d: number, into: Float32Array, at: number, dp: number): void {
  rows.forEach((row, i) => {
    const start = at + i * dp;
    into.set(row.length === d ? row : row.subarray(0, d), start);
    if (dp > d) into.fill(0, start + d, start + dp);
  });
}

type SimilaritiesFn = (r: number, np: number, g: number, mp: number, dp: number, s: number) => void;

export class WasmSimilarity implements SimilarityBackend {
  readonly name: string;
  private readonly memory: WasmMemory;
  private readonly similarities: SimilaritiesFn;
  private heap: Float32Array;
  private resident: WasmPreparedReference | null = null;
  private colMax = new Float32Array(0);

  /** Throws when this runtime has no WebAssembly SIMD (use the JS backend there). */
  constructor(variant: WasmVariant | null = bestWasmVariant()) {
    const module = variant === null ? null : compiledModule(variant);
    const api = wasmApi();
    if (variant === null || module === null || api === null) {
      throw new Error(`WebAssembly ${variant ?? 'SIMD'} is not available in this runtime; the "auto" kernel picks what is (else "js")`);
    }
    const exports = new api.Instance(module, {}).exports;
    this.name = `wasm-${variant}`;
    this.memory = exports.memory as WasmMemory;
    this.similarities = exports.similarities as SimilaritiesFn;
    this.heap = new Float32Array(this.memory.buffer);
  }

  prepareReference(rows: readonly Float32Array[], d: number): PreparedReference {
    checkRows('reference rows', rows, d);
    const m = rows.length;
    const mp = roundUp(m, 2);
    const dp = roundUp(d, 4);
    const data = new Float32Array(mp * dp);
    copyRows(rows, d, data, 0, dp);
    return new WasmPreparedReference(data, m, mp, d, dp);
  }

  directionalScores(answerRows: readonly Float32Array[], reference: PreparedReference): DirectionalScores {
    const { sAt, stride, m } = this.compute(answerRows, reference);
    if (this.colMax.length < m) this.colMax = new Float32Array(m);
    return maxAverages(this.heap, answerRows.length, m, stride, this.colMax, sAt);
  }

  similarityMatrix(answerRows: readonly Float32Array[], reference: PreparedReference): Float32Array {
    const { sAt, stride, m } = this.compute(answerRows, reference);
    const s = new Float32Array(answerRows.length * m);
    for (let i = 0; i < answerRows.length; i++) s.set(this.heap.subarray(sAt + i * stride, sAt + i * stride + m), i * m);
    return s;
  }

  /** Runs the kernel; S is at float offset sAt of the heap with row stride `stride`. */
  private compute(answerRows: readonly Float32Array[], reference: PreparedReference): { sAt: number; stride: number; m: number } {
    if (!(reference instanceof WasmPreparedReference)) {
      throw new TypeError(`${this.name}: the reference was prepared by another backend; prepare it with this one`);
    }
    const { rows: m, paddedRows: mp, hiddenSize: d, paddedWidth: dp } = reference;
    checkRows('answer rows', answerRows, d);
    const n = answerRows.length;
    const np = roundUp(n, 4);
    const answerAt = mp * dp;
    const sAt = answerAt + np * dp;
    this.ensureFloats(sAt + np * mp);
    if (this.resident !== reference) {
      this.heap.set(reference.data, 0);
      this.resident = reference;
    }
    copyRows(answerRows, d, this.heap, answerAt, dp);
    this.heap.fill(0, answerAt + n * dp, answerAt + np * dp);
    this.similarities(answerAt * 4, np, 0, mp, dp, sAt * 4);
    return { sAt, stride: mp, m };
  }

  private ensureFloats(floats: number): void {
    const bytes = floats * 4;
    if (bytes <= this.memory.buffer.byteLength) return;
    if (bytes > MAX_MEMORY_BYTES) {
      throw new RangeError(`${this.name}: ${bytes} bytes of kernel memory needed, over the 2 GiB limit; lower maxTokens`);
    }
    this.memory.grow(Math.ceil((bytes - this.memory.buffer.byteLength) / PAGE_BYTES));
    this.heap = new Float32Array(this.memory.buffer);
  }
}
