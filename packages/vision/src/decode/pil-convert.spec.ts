import { clampGrey16, cmykToRgb, compositeOnWhite, dropAlpha, firstChannel, toRgb } from './pil-convert';

describe('cmykToRgb (Convert.c cmyk2rgb)', () => {
  it('gives the values Pillow 9.4 gives (Image.fromarray(cmyk, "CMYK").convert("RGB"))', () => {
    const cmyk = Uint8Array.from([100, 0, 0, 100, 200, 50, 10, 30, 255, 255, 255, 255, 0, 0, 0, 0]);
    expect(Array.from(cmykToRgb(cmyk, 4))).toEqual([94, 155, 155, 49, 181, 216, 0, 0, 0, 255, 255, 255]);
  });

  it('is nk - round(c * nk / 255) with nk = 255 - k (hand-derived)', () => {
    // nk = 155, 100 * 155 / 255 = 60.78 -> 61, 155 - 61 = 94
    expect(Array.from(cmykToRgb(Uint8Array.from([100, 255, 0, 100]), 1))).toEqual([94, 0, 155]);
  });
});

describe('compositeOnWhite (Paste.c paste_mask_L, BLEND with DIV255)', () => {
  it('blends with white: 255 (255 - a) + c a, divided by 255 and rounded', () => {
    const rgba = Uint8Array.from([100, 0, 255, 128, 7, 8, 9, 255, 7, 8, 9, 0, 0, 0, 0, 1]);
    // (255 * 127 + 100 * 128) / 255 = 177.2 -> 177; 0 -> 127.5 -> 127 (DIV255 of 32385: 127); 255 -> 255
    expect(Array.from(compositeOnWhite(rgba, 4))).toEqual([177, 127, 255, 7, 8, 9, 255, 255, 255, 254, 254, 254]);
  });
});

describe('pixel layouts', () => {
  it('clampGrey16 clamps PIL mode I to 0..255 instead of scaling', () => {
    expect(Array.from(clampGrey16(Uint16Array.from([0, 200, 255, 256, 65535]), 5, 1))).toEqual([0, 200, 255, 255, 255]);
    expect(Array.from(clampGrey16(Uint16Array.from([300, 9, 17, 9]), 2, 2))).toEqual([255, 17]);
  });

  it('firstChannel and dropAlpha keep the colour samples', () => {
    expect(Array.from(firstChannel(Uint8Array.from([1, 2, 3, 4]), 2, 2))).toEqual([1, 3]);
    expect(Array.from(dropAlpha(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]), 2))).toEqual([1, 2, 3, 5, 6, 7]);
  });

  it('toRgb replicates grey, drops a grey alpha, and composites or drops RGBA', () => {
    expect(Array.from(toRgb({ data: Uint8Array.from([9]), width: 1, height: 1, channels: 1 }).data)).toEqual([9, 9, 9]);
    expect(Array.from(toRgb({ data: Uint8Array.from([9, 0]), width: 1, height: 1, channels: 2 }).data)).toEqual([9, 9, 9]);
    const rgba = { data: Uint8Array.from([0, 0, 0, 0]), width: 1, height: 1, channels: 4 as const };
    expect(Array.from(toRgb(rgba).data)).toEqual([255, 255, 255]);
    expect(Array.from(toRgb(rgba, 'drop').data)).toEqual([0, 0, 0]);
    expect(() => toRgb({ data: new Uint8Array(2), width: 1, height: 1, channels: 3 })).toThrow(/expected 1x1x3 = 3 samples, found 2/);
  });
});
