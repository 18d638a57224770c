import fs from 'node:fs';
import {
  MULTIPLY_ADD_COUNT,
  SIMILARITY_GENERATED_FILE,
  SIMILARITY_WAT_FILE,
  compileSimilarityWat,
  relaxedSimdVariant,
  renderGeneratedModule,
} from './compile-similarity-wat';

describe('similarity-wasm.generated.ts', () => {
  it('is similarity.wat compiled by wabt now (rebuild: npx tsx tools/build-bmas-wasm/build-bmas-wasm.ts)', async () => {
    const binaries = await compileSimilarityWat(fs.readFileSync(SIMILARITY_WAT_FILE, 'utf8'));
    expect(fs.readFileSync(SIMILARITY_GENERATED_FILE, 'utf8')).toBe(renderGeneratedModule(binaries));
  });

  it('changes when the kernel text changes', async () => {
    const wat = fs.readFileSync(SIMILARITY_WAT_FILE, 'utf8').replace('(i32.const 16)', '(i32.const 32)');
    const binaries = await compileSimilarityWat(wat);
    expect(fs.readFileSync(SIMILARITY_GENERATED_FILE, 'utf8')).not.toBe(renderGeneratedModule(binaries));
  });
});

describe('relaxedSimdVariant', () => {
  it('rewrites each multiply-add of the micro-kernel into one relaxed_madd', () => {
    const relaxed = relaxedSimdVariant(fs.readFileSync(SIMILARITY_WAT_FILE, 'utf8'));
    expect(relaxed.match(/\(f32x4\.relaxed_madd \(local\.get \$a\d\)/g)).toHaveLength(MULTIPLY_ADD_COUNT);
    expect(relaxed).not.toMatch(/\(f32x4\.mul \(local\.get \$a\d\)/);
    expect(relaxed).toContain('(f32x4.relaxed_madd (local.get $a2) (local.get $b1) (local.get $c21))');
  });

  it('refuses a kernel whose multiply-adds are not in the expected form', () => {
    expect(() => relaxedSimdVariant('(f32x4.add (local.get $c00) (f32x4.mul (local.get $a0) (local.get $b0)))')).toThrow(
      /expected 8 multiply-adds .* found 1/,
    );
  });
});
