import fs from 'node:fs';
import { fixturePath, imageFixture, loadPatchRowsReference, loadResizedReference, visionFixtures } from './fixtures';
import { hash32, syntheticRgb } from './synthetic';

describe('vision fixtures (tools/vision-reference/make_fixtures.py)', () => {
  const manifest = visionFixtures();

  it('were made with Pillow 9.4.0, and every file they name exists', () => {
    expect(manifest.pillow).toBe('9.4.0');
    const files = [
      ...manifest.images.flatMap((i) => [i.file, i.decoded.file, i.qwen?.resized.file, i.qwen?.rowsFile]),
      ...manifest.errors.map((e) => e.file),
      ...manifest.resize.flatMap((r) => [r.input, r.output]),
    ].filter((f): f is string => f !== undefined);
    for (const file of files) expect(fs.existsSync(fixturePath(file))).toBe(true);
  });

  it('give grids of (1, h / 14, w / 14) and gh * gw / 4 tokens', () => {
    for (const image of manifest.images) {
      if (!image.qwen) continue;
      const { grid, resizedWidth, resizedHeight, tokens, rowCount } = image.qwen;
      expect(grid).toEqual([1, resizedHeight / 14, resizedWidth / 14]);
      expect(tokens).toBe((grid[1] * grid[2]) / 4);
      expect(rowCount).toBe(grid[1] * grid[2]);
    }
  });

  it('cover the three cases of smart_resize in the preprocessing references and in the table', () => {
    expect(new Set(manifest.images.map((i) => i.qwen?.branch).filter(Boolean))).toEqual(new Set(['round', 'max', 'min']));
    expect(new Set(manifest.smartResize.map((c) => c.branch ?? c.error))).toEqual(new Set(['round', 'max', 'min', 'too-small', 'aspect-ratio']));
    // SPEC.md section 4: 640x480 (w x h) -> 644x476
    expect(manifest.smartResize.find((c) => c.width === 640 && c.height === 480)).toMatchObject({ resizedWidth: 644, resizedHeight: 476 });
  });

  it('load resized images and patch rows of the stated shapes', () => {
    const image = imageFixture('png-rgba');
    const resized = loadResizedReference(image);
    expect([resized.width, resized.height, resized.data.length]).toEqual([56, 28, 56 * 28 * 3]);
    const rows = loadPatchRowsReference(image);
    expect(rows?.length).toBe((image.qwen?.rowCount ?? 0) * 1176);
    expect(loadPatchRowsReference(imageFixture('png-rgb'))).toBeUndefined();
    expect(() => imageFixture('nope')).toThrow(/no image fixture "nope": expected one of jpeg-baseline/);
  });
});

describe('syntheticRgb', () => {
  it('is the same image as make_fixtures.py synthetic_rgb (hash of a hand-checked pixel)', () => {
    // index 0, seed 0: hash32(0) = 0, so the first sample is 0; index 1 (G of pixel 0) = 85 + noise
    expect(hash32(0)).toBe(0);
    const image = syntheticRgb(4, 3, 0);
    expect(image.data[0]).toBe(0);
    expect(image.data[1]).toBe((85 + (hash32(1) >>> 26)) & 255);
    expect(image.data.length).toBe(36);
  });
});
