/**
 * Compiles packages/vision/src/resample/wasm/pil-bicubic.wat (Pillow's bicubic resize passes) with
 * wabt and writes the binary, base64, to pil-bicubic-wasm.generated.ts beside it.
 *
 *   npx tsx tools/build-vision-wasm/build-vision-wasm.ts           # rebuild
 *   npx tsx tools/build-vision-wasm/build-vision-wasm.ts --check   # exit 1 if the committed file is stale
 */
import fs from 'node:fs';
import { PIL_BICUBIC_GENERATED_FILE, PIL_BICUBIC_WAT_FILE, compilePilBicubicWat, renderGeneratedModule } from './compile-pil-bicubic-wat';

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const binary = await compilePilBicubicWat(fs.readFileSync(PIL_BICUBIC_WAT_FILE, 'utf8'));
  const text = renderGeneratedModule(binary);
  const current = fs.existsSync(PIL_BICUBIC_GENERATED_FILE) ? fs.readFileSync(PIL_BICUBIC_GENERATED_FILE, 'utf8') : '';
  if (check) {
    if (current !== text) {
      console.error(`${PIL_BICUBIC_GENERATED_FILE} is out of date with ${PIL_BICUBIC_WAT_FILE}; run this tool without --check`);
      process.exit(1);
    }
    console.log(`${PIL_BICUBIC_GENERATED_FILE} is up to date`);
    return;
  }
  fs.writeFileSync(PIL_BICUBIC_GENERATED_FILE, text);
  console.log(`wrote ${PIL_BICUBIC_GENERATED_FILE} (${binary.length} bytes)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
