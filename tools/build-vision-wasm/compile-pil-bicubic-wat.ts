import path from 'node:path';
import wabtInit from 'wabt';

/**
 * Compiles Pillow's bicubic resize kernel, packages/vision/src/resample/wasm/pil-bicubic.wat, with
 * wabt (the WebAssembly Binary Toolkit) into pil-bicubic-wasm.generated.ts beside it (base64 bytes).
 */

const KERNEL_DIR = path.join(__dirname, '..', '..', 'packages', 'vision', 'src', 'resample', 'wasm');
export const PIL_BICUBIC_WAT_FILE = path.join(KERNEL_DIR, 'pil-bicubic.wat');
export const PIL_BICUBIC_GENERATED_FILE = path.join(KERNEL_DIR, 'pil-bicubic-wasm.generated.ts');

/** Compiles the kernel text (WebAssembly SIMD, 128-bit) into a binary module. */
export async function compilePilBicubicWat(wat: string): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const module = wabt.parseWat(PIL_BICUBIC_WAT_FILE, wat, { simd: true });
  try {
    module.validate();
    return new Uint8Array(module.toBinary({}).buffer);
  } finally {
    module.destroy();
  }
}

/** The text of pil-bicubic-wasm.generated.ts for this binary. */
export function renderGeneratedModule(binary: Uint8Array): string {
  const text = Buffer.from(binary).toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += 96) lines.push(`  '${text.slice(i, i + 96)}',`);
  return `// Generated from pil-bicubic.wat by tools/build-vision-wasm/build-vision-wasm.ts: do not edit.
// Rebuild with: npx tsx tools/build-vision-wasm/build-vision-wasm.ts

/** pil-bicubic.wat compiled with WebAssembly SIMD (${binary.length} bytes), base64. */
export const PIL_BICUBIC_WASM_BASE64 = [
${lines.join('\n')}
].join('');
`;
}
