import type { RgbImage } from '../image';
import { CLIP_MEAN, CLIP_STD, normalisationTables } from '../normalize';
import { PATCH_ROW_LENGTH, patchify, tokenCount } from './patchify';

/** An image whose every sample is distinct enough to catch any misplaced value. */
function patternImage(width: number, height: number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < data.length; i++) data[i] = (i * 37 + (i >> 7)) & 255;
  return { data, width, height, channels: 3 };
}

/**
 * The numpy recipe done literally: frames (T=2, C, H, W) reshaped to
 * (t, 2, C, gh/2, 2, 14, gw/2, 2, 14), permuted by (0, 3, 6, 4, 7, 2, 1, 5, 8), flattened.
 * Walks the permuted index space in row-major order and reads the source by its shape.
 */
function numpyRecipe(image: RgbImage, tables: Float32Array[]): Float32Array {
  const gh = image.height / 14;
  const gw = image.width / 14;
  const shape = [1, 2, 3, gh / 2, 2, 14, gw / 2, 2, 14];
  const permutation = [0, 3, 6, 4, 7, 2, 1, 5, 8];
  const permutedShape = permutation.map((axis) => shape[axis]);
  const total = permutedShape.reduce((a, b) => a * b, 1);
  const out = new Float32Array(total);
  const index = new Array(9).fill(0);
  for (let flat = 0; flat < total; flat++) {
    let rest = flat;
    for (let axis = 8; axis >= 0; axis--) {
      index[permutation[axis]] = rest % permutedShape[axis];
      rest = Math.floor(rest / permutedShape[axis]);
    }
    const [, , c, bh, mh, py, bw, mw, px] = index;
    const y = (bh * 2 + mh) * 14 + py;
    const x = (bw * 2 + mw) * 14 + px;
    out[flat] = tables[c][image.data[(y * image.width + x) * 3 + c]];
  }
  return out;
}

describe('patchify', () => {
  const tables = normalisationTables(CLIP_MEAN, CLIP_STD);

  it.each([
    [28, 28],
    [56, 28],
    [84, 56],
    [112, 84],
  ])('equals the literal reshape/permute recipe for %ix%i', (width, height) => {
    const image = patternImage(width, height);
    const { rows, rowCount, grid } = patchify(image, tables);
    expect(grid).toEqual({ t: 1, h: height / 14, w: width / 14 });
    expect(rowCount).toBe((height / 14) * (width / 14));
    expect(rows.length).toBe(rowCount * PATCH_ROW_LENGTH);
    expect(rows).toEqual(numpyRecipe(image, tables));
  });

  it('puts the 4 patches of a 2x2 merge block in consecutive rows', () => {
    // A 56x28 image: two merge blocks side by side; row 4 starts the second block, at x = 28.
    const image = patternImage(56, 28);
    const { rows } = patchify(image, tables);
    const firstValueOfRow = (row: number) => rows[row * PATCH_ROW_LENGTH];
    const pixel = (x: number, y: number) => tables[0][image.data[(y * 56 + x) * 3]];
    expect([0, 1, 2, 3, 4, 5].map(firstValueOfRow)).toEqual([pixel(0, 0), pixel(14, 0), pixel(0, 14), pixel(14, 14), pixel(28, 0), pixel(42, 0)]);
  });

  it('repeats the frame: the second 14x14 plane of each channel equals the first', () => {
    const { rows } = patchify(patternImage(28, 28), tables);
    const plane = 196;
    expect(rows.subarray(plane, 2 * plane)).toEqual(rows.subarray(0, plane));
    expect(rows.subarray(3 * plane, 4 * plane)).toEqual(rows.subarray(2 * plane, 3 * plane));
  });

  it('rejects sides that are not multiples of 28', () => {
    expect(() => patchify(patternImage(42, 28), tables)).toThrow(/42x28.*divisible by 28/);
  });

  it('counts 391 tokens for the 640x480 example (644x476 -> grid 34x46)', () => {
    expect(tokenCount({ t: 1, h: 476 / 14, w: 644 / 14 })).toBe(391);
  });
});

describe('normalisationTables', () => {
  it('gives (v / 255 - mean) / std in float32, per channel', () => {
    const [red, green, blue] = normalisationTables(CLIP_MEAN, CLIP_STD);
    // By hand: (0 - 0.48145466) / 0.26862954 = -1.7922625; (1 - 0.4578275) / 0.26130258 = 2.0748837.
    expect(red[0]).toBeCloseTo(-1.7922625, 6);
    expect(green[255]).toBeCloseTo(2.0748837, 6);
    expect(blue[128]).toBeCloseTo((128 / 255 - 0.40821073) / 0.27577711, 6);
    expect(red[0]).toBe(Math.fround(red[0]));
  });
});
