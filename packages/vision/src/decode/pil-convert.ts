/**
 * Pillow 9.4's integer pixel conversions, applied to sharp's raw samples so a decoded image equals
 * what Python holds after `Image.open(f)` and the conversion to RGB.
 */
import { assertImageShape, type RawImage, type RgbImage } from '../image';

/**
 * How an alpha channel becomes RGB:
 * - 'white': composited on a white background, qwen-vl-utils `to_rgb` (`vision_process.py`):
 *   `Image.new("RGB", size, (255, 255, 255)).paste(image, mask=image.split()[3])`. This is what
 *   Qwen2.5-VL sees.
 * - 'drop': discarded, PIL's `image.convert("RGB")` (Convert.c `rgba2rgb`), as InternVL's
 *   `load_image` does.
 */
export type AlphaPolicy = 'white' | 'drop';

/** Pillow `src/libImaging/Paste.c` / `ImagingUtils.h` `DIV255`: a / 255 rounded, for 0 <= a <= 255 * 255 + 127. */
function div255(a: number): number {
  const tmp = a + 128;
  return ((tmp >> 8) + tmp) >> 8;
}

/**
 * RGBA composited on white, Pillow `src/libImaging/Paste.c` `paste_mask_L` with
 * `BLEND(mask, in1, in2) = DIV255(in1 * (255 - mask) + in2 * mask)` where in1 = 255 (white).
 */
export function compositeOnWhite(rgba: Uint8Array, pixels: number): Uint8Array {
  const out = new Uint8Array(pixels * 3);
  for (let p = 0, i = 0, o = 0; p < pixels; p++, i += 4, o += 3) {
    const a = rgba[i + 3];
    if (a === 255) {
      out[o] = rgba[i];
      out[o + 1] = rgba[i + 1];
      out[o + 2] = rgba[i + 2];
    } else {
      const white = 255 * (255 - a);
      out[o] = div255(white + rgba[i] * a);
      out[o + 1] = div255(white + rgba[i + 1] * a);
      out[o + 2] = div255(white + rgba[i + 2] * a);
    }
  }
  return out;
}

/** The first three of every four samples (Convert.c `rgba2rgb`: the alpha is discarded). */
export function dropAlpha(rgba: Uint8Array, pixels: number): Uint8Array {
  const out = new Uint8Array(pixels * 3);
  for (let p = 0, i = 0, o = 0; p < pixels; p++, i += 4, o += 3) {
    out[o] = rgba[i];
    out[o + 1] = rgba[i + 1];
    out[o + 2] = rgba[i + 2];
  }
  return out;
}

/**
 * CMYK to RGB, Pillow `src/libImaging/Convert.c` `cmyk2rgb`:
 * `nk = 255 - k; out = CLIP8(nk - MULDIV255(in, nk))` with `MULDIV255(a, b) = DIV255(a * b)`.
 * The samples are PIL's after unpacking (for JPEG, already inverted: see formats/jpeg.ts).
 */
export function cmykToRgb(cmyk: Uint8Array, pixels: number): Uint8Array {
  const out = new Uint8Array(pixels * 3);
  for (let p = 0, i = 0, o = 0; p < pixels; p++, i += 4, o += 3) {
    const nk = 255 - cmyk[i + 3];
    // nk - DIV255(c * nk) is within 0..nk for 8-bit inputs, so CLIP8 never clips
    out[o] = nk - div255(cmyk[i] * nk);
    out[o + 1] = nk - div255(cmyk[i + 1] * nk);
    out[o + 2] = nk - div255(cmyk[i + 2] * nk);
  }
  return out;
}

/**
 * 16-bit grey samples (the first of every `channels`) as PIL's mode "I" converted to 8 bits:
 * Convert.c `i2rgb` / `i2l` clamp to 0..255 (they do not scale: a 16-bit grey PNG opened by
 * Pillow 9.4 is mode "I", and every value >= 255 becomes white).
 */
export function clampGrey16(samples: Uint16Array, pixels: number, channels: number): Uint8Array {
  const out = new Uint8Array(pixels);
  for (let p = 0, i = 0; p < pixels; p++, i += channels) {
    const v = samples[i];
    out[p] = v >= 255 ? 255 : v;
  }
  return out;
}

/** The first sample of every `channels` (a grey channel without its alpha). */
export function firstChannel(samples: Uint8Array, pixels: number, channels: number): Uint8Array {
  if (channels === 1) return samples;
  const out = new Uint8Array(pixels);
  for (let p = 0, i = 0; p < pixels; p++, i += channels) out[p] = samples[i];
  return out;
}

/** Grey replicated into R, G and B (Convert.c `l2rgb`). */
function greyToRgb(grey: Uint8Array, pixels: number, channels: number): Uint8Array {
  const out = new Uint8Array(pixels * 3);
  for (let p = 0, i = 0, o = 0; p < pixels; p++, i += channels, o += 3) {
    const v = grey[i];
    out[o] = v;
    out[o + 1] = v;
    out[o + 2] = v;
  }
  return out;
}

/**
 * A decoded image as RGB: grey (1 channel) and grey+alpha (2, alpha discarded as in PIL's
 * `convert("RGB")` of mode "LA") replicated; RGB as it is; RGBA per `alpha`.
 */
export function toRgb(image: RawImage, alpha: AlphaPolicy = 'white'): RgbImage {
  assertImageShape(image, 'toRgb input');
  const { width, height, channels, data } = image;
  const pixels = width * height;
  let rgb: Uint8Array;
  if (channels === 3) rgb = data;
  else if (channels === 4) rgb = alpha === 'white' ? compositeOnWhite(data, pixels) : dropAlpha(data, pixels);
  else rgb = greyToRgb(data, pixels, channels);
  return { data: rgb, width, height, channels: 3 };
}
