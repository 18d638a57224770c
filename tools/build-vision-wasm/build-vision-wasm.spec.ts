import fs from 'node:fs';
import { PIL_BICUBIC_GENERATED_FILE, PIL_BICUBIC_WAT_FILE, compilePilBicubicWat, renderGeneratedModule } from './compile-pil-bicubic-wat';

describe('pil-bicubic-wasm.generated.ts', () => {
  it('is pil-bicubic.wat compiled by wabt now (rebuild: npx tsx tools/build-vision-wasm/build-vision-wasm.ts)', async () => {
    const binary = await compilePilBicubicWat(fs.readFileSync(PIL_BICUBIC_WAT_FILE, 'utf8'));
    expect(fs.readFileSync(PIL_BICUBIC_GENERATED_FILE, 'utf8')).toBe(renderGeneratedModule(binary));
  });

  it('changes when the kernel text changes', async () => {
    const wat = fs.readFileSync(PIL_BICUBIC_WAT_FILE, 'utf8').replace('(i32.const 0x200000)', '(i32.const 0x100000)');
    expect(fs.readFileSync(PIL_BICUBIC_GENERATED_FILE, 'utf8')).not.toBe(renderGeneratedModule(await compilePilBicubicWat(wat)));
  });
});
