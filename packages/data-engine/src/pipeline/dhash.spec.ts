import { differenceHash, type HashableImage } from './dhash';

/** A grey image from a table of luma values, each repeated over a `scale` x `scale` block. */
function greyImage(rows: readonly (readonly number[])[], scale = 1): HashableImage {
  const height = rows.length * scale;
  const width = rows[0].length * scale;
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.fill(rows[Math.floor(y / scale)][Math.floor(x / scale)], (y * width + x) * 3, (y * width + x) * 3 + 3);
  }
  return { data, width, height, channels: 3 };
}

const rising = Array.from({ length: 8 }, () => [0, 10, 20, 30, 40, 50, 60, 70, 80]);
const falling = rising.map((row) => [...row].reverse());

describe('differenceHash', () => {
  it('sets no bit when every row gets brighter to the right, every bit when darker', () => {
    expect(differenceHash(greyImage(rising))).toBe('0000000000000000');
    expect(differenceHash(greyImage(falling))).toBe('ffffffffffffffff');
  });

  it('writes rows as bytes, most significant bit first (hand-derived)', () => {
    // row 0: left brighter only at the first pair -> 1000 0000 = 0x80; row 7: only at the last pair -> 0x01
    const rows = rising.map((row) => [...row]);
    rows[0] = [90, 10, 20, 30, 40, 50, 60, 70, 80];
    rows[7] = [0, 10, 20, 30, 40, 50, 60, 90, 80];
    expect(differenceHash(greyImage(rows))).toBe('8000000000000001');
  });

  it('averages boxes, so the same picture at another size has the same hash', () => {
    const rows = Array.from({ length: 8 }, (_, y) => Array.from({ length: 9 }, (_, x) => ((x * 37 + y * 91) * 13) % 256));
    expect(differenceHash(greyImage(rows, 5))).toBe(differenceHash(greyImage(rows)));
  });

  it('weighs colours as BT.601 luma (green counts most)', () => {
    const width = 9;
    const data = new Uint8Array(width * 8 * 3);
    for (let y = 0; y < 8; y++) {
      for (let x = 0; x < width; x++) data.set(x % 2 === 0 ? [0, 100, 0] : [100, 0, 100], (y * width + x) * 3);
    }
    // green 587*100 > red+blue (299+114)*100: left is brighter at even x -> bits 1010 1010 = 0xaa per row
    expect(differenceHash({ data, width, height: 8, channels: 3 })).toBe('aa'.repeat(8));
  });

  it('refuses data of the wrong length', () => {
    expect(() => differenceHash({ data: new Uint8Array(10), width: 9, height: 8, channels: 3 })).toThrow(/expected 9x8x3 samples, found 10/);
  });
});
