import { ImageError } from './errors';
import { QWEN_MAX_PIXELS, roundHalfToEven, smartResize } from './smart-resize';

describe('roundHalfToEven (Python round)', () => {
  it.each([
    [0.5, 0],
    [1.5, 2],
    [2.5, 2],
    [3.5, 4],
    [2.4999, 2],
    [2.5001, 3],
    [17.142857, 17],
    [-1.5, -2],
  ])('round(%p) = %p', (value, expected) => {
    expect(roundHalfToEven(value)).toBe(expected);
  });
});

describe('smartResize, hand-derived cases', () => {
  it.each([
    // [h, w, minPixels, maxPixels] -> [h', w']
    ['640x480: 17.14 -> 17, 22.86 -> 23 (the SPEC example)', 480, 640, 3136, QWEN_MAX_PIXELS, [476, 644]],
    ['1024x768 under 1,003,520 px: 27.43 -> 27, 36.57 -> 37', 768, 1024, 3136, 1003520, [756, 1036]],
    ['a tie rounds to even: 42/28 = 1.5 -> 2, 70/28 = 2.5 -> 2', 42, 70, 56, QWEN_MAX_PIXELS, [56, 56]],
    ['another tie: 98/28 = 3.5 -> 4', 98, 98, 3136, QWEN_MAX_PIXELS, [112, 112]],
    ['exact multiples stay', 448, 448, 3136, QWEN_MAX_PIXELS, [448, 448]],
    // 4000x3000 -> 3024x4004 = 12,108,096 > 1,003,520: beta = sqrt(12e6 / 1003520) = 3.4580...,
    // floor(3000 / beta / 28) = floor(30.98) = 30 -> 840; floor(4000 / beta / 28) = floor(41.31) = 41 -> 1148.
    ['over max_pixels scales down with floor', 3000, 4000, 3136, 1003520, [840, 1148]],
    // 30x40 -> 28x28 = 784 < 3136: beta = sqrt(3136 / 1200) = 1.6166, ceil(30 * beta / 28) = ceil(1.732) = 2 -> 56,
    // ceil(40 * beta / 28) = ceil(2.309) = 3 -> 84.
    ['under min_pixels scales up with ceil', 30, 40, 3136, QWEN_MAX_PIXELS, [56, 84]],
  ])('%s', (_name, height, width, minPixels, maxPixels, expected) => {
    expect(smartResize(height as number, width as number, { minPixels: minPixels as number, maxPixels: maxPixels as number })).toEqual(expected);
  });
});

describe('smartResize errors', () => {
  it('rejects a side under 28 px, naming the sample', () => {
    expect(() => smartResize(27, 500, { sampleId: 's1' })).toThrow(ImageError);
    expect(() => smartResize(27, 500, { sampleId: 's1' })).toThrow(/sample "s1".*height 27.*at least 28/);
  });
  it('rejects an aspect ratio over 200', () => {
    let error: unknown;
    try {
      smartResize(28, 5629, { sampleId: 'pano' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ImageError);
    expect((error as ImageError).kind).toBe('aspect-ratio');
    expect((error as ImageError).message).toMatch(/sample "pano".*201\.0.*over 200/);
  });
  it('accepts an aspect ratio of exactly 200', () => {
    expect(() => smartResize(28, 5600)).not.toThrow();
  });
});

describe('smartResize properties', () => {
  // A deterministic sweep over sizes and pixel bounds.
  const sizes: Array<[number, number]> = [];
  for (let h = 28; h <= 3000; h += 97) for (let w = 28; w <= 3000; w += 131) sizes.push([h, w]);
  const bounds: Array<[number, number]> = [
    [3136, 12845056],
    [3136, 1003520],
    [200704, 401408],
    [65536, 65536 * 4],
  ];

  it('gives multiples of 28 within [min, max] pixels wherever the bounds allow', () => {
    for (const [minPixels, maxPixels] of bounds) {
      for (const [h, w] of sizes) {
        if (Math.max(h, w) / Math.min(h, w) > 200) continue;
        const [rh, rw] = smartResize(h, w, { minPixels, maxPixels });
        expect({ h, w, mod: [rh % 28, rw % 28] }).toEqual({ h, w, mod: [0, 0] });
        expect(rh * rw).toBeLessThanOrEqual(Math.max(maxPixels, 28 * 28));
        expect(rh * rw).toBeGreaterThanOrEqual(minPixels);
      }
    }
  });

  it('keeps the aspect ratio within one factor step on each side', () => {
    for (const [minPixels, maxPixels] of bounds) {
      for (const [h, w] of sizes) {
        const [rh, rw] = smartResize(h, w, { minPixels, maxPixels });
        // Both sides follow one common scale (1, or the one that meets max or min pixels) to
        // within one 28-px step each: the aspect ratio is kept.
        const scales = [1, Math.sqrt(maxPixels / (h * w)), Math.sqrt(minPixels / (h * w))];
        const kept = scales.some((scale) => Math.abs(rh - h * scale) <= 28 && Math.abs(rw - w * scale) <= 28);
        expect({ h, w, minPixels, maxPixels, kept }).toEqual({ h, w, minPixels, maxPixels, kept: true });
      }
    }
  });
});
