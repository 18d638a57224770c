import { createSimilarityBackend, SIMILARITY_KERNELS } from './create-similarity-backend';
import { JsSimilarity } from './js-similarity';
import { naiveBmas, naiveSimilarities } from './testing';
import { WasmSimilarity, bestWasmVariant } from './wasm-similarity';
import { seededRandom } from '@mixed-r1/records/testing';

/** Kernel results against the naive float64 loops. */
const TOLERANCE = 1e-5;

function randomRows(count: number, d: number, random: () => number): Float32Array[] {
  return Array.from({ length: count }, () => {
    const row = Float32Array.from({ length: d }, () => random() * 2 - 1);
    const norm = Math.hypot(...row);
    return row.map((v) => v / norm);
  });
}

const SIZES: [number, number, number][] = [
  [1, 1, 1],
  [1, 5, 3],
  [5, 1, 7],
  [2, 3, 4],
  [3, 2, 5],
  [4, 8, 8],
  [7, 9, 13],
  [13, 31, 64],
  [64, 64, 100],
  [65, 33, 129],
  [9, 17, 2048],
];

describe.each(['wasm', 'wasm-simd', 'js'] as const)('%s similarity backend against the naive loops', (kernel) => {
  const backend = createSimilarityBackend(kernel);

  it.each(SIZES)('n=%i m=%i d=%i: every entry of S and both max-averages', (n, m, d) => {
    const random = seededRandom(n * 1000 + m * 10 + d);
    const answer = randomRows(n, d, random);
    const reference = randomRows(m, d, random);
    const prepared = backend.prepareReference(reference, d);
    const s = backend.similarityMatrix(answer, prepared);
    const expected = naiveSimilarities(answer, reference, d).flat();
    expect(s.length).toBe(n * m);
    expect(Math.max(...expected.map((v, i) => Math.abs(v - s[i])))).toBeLessThan(TOLERANCE);
    const oracle = naiveBmas(answer, reference);
    const parts = backend.directionalScores(answer, prepared);
    expect(Math.abs(parts.answerToReference - oracle.answerToReference)).toBeLessThan(TOLERANCE);
    expect(Math.abs(parts.referenceToAnswer - oracle.referenceToAnswer)).toBeLessThan(TOLERANCE);
  });

  it('reuses a prepared reference across answers of different lengths', () => {
    const random = seededRandom(7);
    const d = 37;
    const reference = randomRows(6, d, random);
    const prepared = backend.prepareReference(reference, d);
    for (const n of [9, 1, 4, 3, 12]) {
      const answer = randomRows(n, d, random);
      const parts = backend.directionalScores(answer, prepared);
      expect(Math.abs(parts.answerToReference - naiveBmas(answer, reference).answerToReference)).toBeLessThan(TOLERANCE);
    }
  });

  it('uses only the first d values of longer rows', () => {
    const prepared = backend.prepareReference([Float32Array.of(1, 0, 99)], 2);
    expect(backend.similarityMatrix([Float32Array.of(0.6, 0.8, 99)], prepared)[0]).toBeCloseTo(0.6, 6);
  });

  it('rejects rows of the wrong size and references of another backend', () => {
    expect(() => backend.prepareReference([], 3)).toThrow(/reference rows: expected at least one row/);
    expect(() => backend.prepareReference([new Float32Array(2)], 3)).toThrow(/row 0 must be a Float32Array of at least 3 values, found 2/);
    const other = (kernel === 'js' ? new WasmSimilarity() : new JsSimilarity()).prepareReference([new Float32Array(3)], 3);
    expect(() => backend.directionalScores([new Float32Array(3)], other)).toThrow(/prepared by another backend/);
  });
});

describe('WasmSimilarity', () => {
  it('is what the auto kernel picks here (Node has WebAssembly SIMD)', () => {
    expect(bestWasmVariant()).not.toBeNull();
    expect(createSimilarityBackend('auto').name).toBe(`wasm-${bestWasmVariant()}`);
  });

  it('grows its memory for large inputs and keeps the resident reference correct', () => {
    const random = seededRandom(99);
    const backend = new WasmSimilarity();
    const d = 1024;
    const small = randomRows(3, d, random);
    const large = randomRows(300, d, random); // 300 x 1024 floats > the initial 64 KiB page
    const preparedSmall = backend.prepareReference(small, d);
    const preparedLarge = backend.prepareReference(large, d);
    const answer = randomRows(200, d, random);
    for (const [prepared, rows] of [[preparedSmall, small], [preparedLarge, large], [preparedSmall, small]] as const) {
      const parts = backend.directionalScores(answer, prepared);
      expect(Math.abs(parts.referenceToAnswer - naiveBmas(answer, rows).referenceToAnswer)).toBeLessThan(TOLERANCE);
    }
  });
});

describe('without WebAssembly', () => {
  it('auto falls back to the JS kernel and wasm says why it cannot run', () => {
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'WebAssembly');
    Reflect.deleteProperty(globalThis, 'WebAssembly');
    try {
      jest.isolateModules(() => {
        // A fresh module registry, so no kernel was compiled before WebAssembly went away.
        const fresh = jest.requireActual<typeof import('./create-similarity-backend')>('./create-similarity-backend');
        expect(fresh.createSimilarityBackend('auto').name).toBe('js');
        expect(() => fresh.createSimilarityBackend('wasm')).toThrow(/WebAssembly SIMD is not available in this runtime/);
      });
    } finally {
      if (saved) Object.defineProperty(globalThis, 'WebAssembly', saved);
    }
    expect(createSimilarityBackend('auto').name).toMatch(/^wasm-/);
  });
});

describe('createSimilarityBackend', () => {
  it('knows its kernels and names them on an unknown one', () => {
    expect(SIMILARITY_KERNELS).toEqual(['auto', 'wasm', 'wasm-simd', 'wasm-relaxed-simd', 'js']);
    expect(createSimilarityBackend('js').name).toBe('js');
    expect(() => createSimilarityBackend('gpu' as never)).toThrow('unknown similarity kernel "gpu"; valid: auto, wasm, wasm-simd, wasm-relaxed-simd, js');
  });
});
