/**
 * Compiles packages/rewards/src/bmas/wasm/similarity.wat (the BMAS similarity kernel) with wabt
 * and writes the binaries, base64, to similarity-wasm.generated.ts beside it.
 *
 *   npx tsx tools/build-bmas-wasm/build-bmas-wasm.ts           # rebuild
 *   npx tsx tools/build-bmas-wasm/build-bmas-wasm.ts --check   # exit 1 if the committed file is stale
 */
import fs from 'node:fs';
import {
  SIMILARITY_GENERATED_FILE,
  SIMILARITY_WAT_FILE,
  compileSimilarityWat,
  renderGeneratedModule,
} from './compile-similarity-wat';

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const binaries = await compileSimilarityWat(fs.readFileSync(SIMILARITY_WAT_FILE, 'utf8'));
  const text = renderGeneratedModule(binaries);
  const current = fs.existsSync(SIMILARITY_GENERATED_FILE) ? fs.readFileSync(SIMILARITY_GENERATED_FILE, 'utf8') : '';
  if (check) {
    if (current !== text) {
      console.error(`${SIMILARITY_GENERATED_FILE} is out of date with ${SIMILARITY_WAT_FILE}; run this tool without --check`);
      process.exit(1);
    }
    console.log(`${SIMILARITY_GENERATED_FILE} is up to date`);
    return;
  }
  fs.writeFileSync(SIMILARITY_GENERATED_FILE, text);
  console.log(`wrote ${SIMILARITY_GENERATED_FILE} (simd ${binaries.simd.length} bytes, relaxed simd ${binaries.relaxedSimd.length} bytes)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
