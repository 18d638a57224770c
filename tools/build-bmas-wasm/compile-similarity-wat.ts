import path from 'node:path';
import wabtInit from 'wabt';

/**
 * Compiles the BMAS similarity kernel, packages/rewards/src/bmas/wasm/similarity.wat, with wabt
 * (the WebAssembly Binary Toolkit) into similarity-wasm.generated.ts beside it (base64 bytes).
 */

const KERNEL_DIR = path.join(__dirname, '..', '..', 'packages', 'rewards', 'src', 'bmas', 'wasm');
export const SIMILARITY_WAT_FILE = path.join(KERNEL_DIR, 'similarity.wat');
export const SIMILARITY_GENERATED_FILE = path.join(KERNEL_DIR, 'similarity-wasm.generated.ts');

/** The multiply-adds of the micro-kernel, in the one form the relaxed variant rewrites. */
const MULTIPLY_ADD = /\(f32x4\.add \(local\.get (\$c\d\d)\) \(f32x4\.mul \(local\.get (\$a\d)\) \(local\.get (\$b\d)\)\)\)/g;
export const MULTIPLY_ADD_COUNT = 8;

/** The same kernel with each multiply-add as one relaxed-SIMD `f32x4.relaxed_madd` (an FMA where the CPU has one). */
export function relaxedSimdVariant(wat: string): string {
  let count = 0;
  const relaxed = wat.replace(MULTIPLY_ADD, (_match, c: string, a: string, b: string) => {
    count += 1;
    return `(f32x4.relaxed_madd (local.get ${a}) (local.get ${b}) (local.get ${c}))`;
  });
  if (count !== MULTIPLY_ADD_COUNT) {
    throw new Error(
      `${SIMILARITY_WAT_FILE}: expected ${MULTIPLY_ADD_COUNT} multiply-adds written as (f32x4.add (local.get $cXY) (f32x4.mul (local.get $aX) (local.get $bY))), found ${count}`,
    );
  }
  return relaxed;
}

export interface SimilarityWasmBinaries {
  /** WebAssembly SIMD (128-bit), available in Node >= 16. */
  readonly simd: Uint8Array;
  /** With relaxed SIMD multiply-adds; used where the runtime validates it. */
  readonly relaxedSimd: Uint8Array;
}

/** Compiles the kernel text into both binaries. */
export async function compileSimilarityWat(wat: string): Promise<SimilarityWasmBinaries> {
  const wabt = await wabtInit();
  const compile = (text: string, relaxed: boolean): Uint8Array => {
    const module = wabt.parseWat(SIMILARITY_WAT_FILE, text, { simd: true, relaxed_simd: relaxed });
    try {
      module.validate();
      return new Uint8Array(module.toBinary({}).buffer);
    } finally {
      module.destroy();
    }
  };
  return { simd: compile(wat, false), relaxedSimd: compile(relaxedSimdVariant(wat), true) };
}

function base64Lines(bytes: Uint8Array): string {
  const text = Buffer.from(bytes).toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += 96) lines.push(`  '${text.slice(i, i + 96)}',`);
  return lines.join('\n');
}

/** The text of similarity-wasm.generated.ts for these binaries. */
export function renderGeneratedModule(binaries: SimilarityWasmBinaries): string {
  return `// Generated from similarity.wat by tools/build-bmas-wasm/build-bmas-wasm.ts: do not edit.
// Rebuild with: npx tsx tools/build-bmas-wasm/build-bmas-wasm.ts

/** similarity.wat compiled with WebAssembly SIMD (${binaries.simd.length} bytes), base64. */
export const SIMILARITY_WASM_SIMD_BASE64 = [
${base64Lines(binaries.simd)}
].join('');

/** similarity.wat with relaxed-SIMD multiply-adds (${binaries.relaxedSimd.length} bytes), base64. */
export const SIMILARITY_WASM_RELAXED_SIMD_BASE64 = [
${base64Lines(binaries.relaxedSimd)}
].join('');
`;
}
