import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { naiveSimilarities } from './testing';
import { WasmSimilarity, bestWasmVariant } from './wasm-similarity';

const TOLERANCE = 1e-5;
const REPO_ROOT = path.resolve(__dirname, '../../../..');

/** S by the relaxed-SIMD kernel: here where the runtime has relaxed SIMD, else in a child with the V8 flag. */
function relaxedSimilarities(answer: number[][], reference: number[][], d: number): { name: string; s: number[] } {
  if (bestWasmVariant() === 'relaxed-simd') {
    const backend = new WasmSimilarity('relaxed-simd');
    const rows = (list: number[][]) => list.map((r) => Float32Array.from(r));
    return { name: backend.name, s: Array.from(backend.similarityMatrix(rows(answer), backend.prepareReference(rows(reference), d))) };
  }
  const script = `
    const { WasmSimilarity } = require(${JSON.stringify(path.join(__dirname, 'wasm-similarity.ts'))});
    const { answer, reference, d } = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
    const backend = new WasmSimilarity('relaxed-simd');
    const rows = (list) => list.map((r) => Float32Array.from(r));
    const s = backend.similarityMatrix(rows(answer), backend.prepareReference(rows(reference), d));
    process.stdout.write(JSON.stringify({ name: backend.name, s: Array.from(s) }));`;
  const child = spawnSync(process.execPath, ['--experimental-wasm-relaxed-simd', '--import', 'tsx', '-e', script], {
    cwd: REPO_ROOT,
    input: JSON.stringify({ answer, reference, d }),
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`relaxed-SIMD child process failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as { name: string; s: number[] };
}

describe('the relaxed-SIMD kernel (FMA where the CPU has it)', () => {
  it('equals the naive loops (n=7, m=5, d=130)', () => {
    const [n, m, d] = [7, 5, 130];
    const value = (i: number, k: number): number => Math.fround(Math.sin(i * 12.9898 + k * 78.233) * 0.5);
    const answer = Array.from({ length: n }, (_, i) => Array.from({ length: d }, (_, k) => value(i, k)));
    const reference = Array.from({ length: m }, (_, j) => Array.from({ length: d }, (_, k) => value(j + 100, k)));
    const { name, s } = relaxedSimilarities(answer, reference, d);
    expect(name).toBe('wasm-relaxed-simd');
    const expected = naiveSimilarities(answer, reference, d).flat();
    expect(Math.max(...expected.map((v, i) => Math.abs(v - s[i])))).toBeLessThan(TOLERANCE);
  }, 30_000);
});

describe('WasmSimilarity variants', () => {
  it('names the variant it runs, and refuses one this runtime lacks', () => {
    expect(new WasmSimilarity('simd').name).toBe('wasm-simd');
    if (bestWasmVariant() !== 'relaxed-simd') {
      expect(() => new WasmSimilarity('relaxed-simd')).toThrow(
        'WebAssembly relaxed-simd is not available in this runtime; the "auto" kernel picks what is (else "js")',
      );
    }
  });
});
