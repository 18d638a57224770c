/**
 * Bit-exact port of Pillow 9.4's `Image.resize((width, height), Image.BICUBIC)` for 8-bit RGB
 * images (the resize in Hugging Face's `Qwen2VLImageProcessor`, PIL path, and in qwen-vl-utils'
 * `fetch_image`).
 *
 * Reference: Pillow `src/libImaging/Resample.c`:
 * - `ImagingResampleInner`: a horizontal pass when the width changes, over only the input rows the
 *   vertical pass will read (`ybox_first` .. `ybox_last`), then a vertical pass when the height
 *   changes; both sizes unchanged is a copy (`Image.resize` returns `self.copy()`).
 * - `ImagingResampleHorizontal_8bpc` / `ImagingResampleVertical_8bpc`: int32 accumulators that start
 *   at 1 << (PRECISION_BITS - 1) (rounding), sum pixel * coefficient, then `clip8` (shift right by
 *   PRECISION_BITS and clamp to 0..255), so the intermediate image is uint8.
 * Coefficients: `pil-coefficients.ts`.
 */
import { assertImageShape, type RgbImage } from '../image';
import { bicubicAxisCoefficients, PRECISION_BITS, type AxisCoefficients } from './pil-coefficients';
import { resampleWithWasm } from './pil-bicubic-wasm';

const HALF = 1 << (PRECISION_BITS - 1);
// int32 multiply, as Pillow's C; bound once (a global lookup per sample is slow in sandboxed globals)
const imul = Math.imul;

/** Resample.c `clip8`: the accumulator's integer part, clamped to 0..255. */
function clip8(sum: number): number {
  const v = sum >> PRECISION_BITS;
  return v < 0 ? 0 : v > 255 ? 255 : v;
}

/** Checks a target size the way `Image.resize` would accept it (whole numbers >= 1). */
function assertTargetSize(width: number, height: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new TypeError(`resize: target width and height must be whole numbers >= 1, found ${width}x${height}`);
  }
}

/**
 * Horizontal pass over input rows [rowStart, rowStart + rows) of `src` (width `inWidth`, RGB),
 * into `dst` (width `h.outSize`, `rows` rows).
 */
function horizontalPass(src: Uint8Array, inWidth: number, rowStart: number, rows: number, h: AxisCoefficients, dst: Uint8Array): void {
  const { outSize, taps, starts, counts, weights } = h;
  const inStride = inWidth * 3;
  const outStride = outSize * 3;
  for (let y = 0; y < rows; y++) {
    const inRow = (y + rowStart) * inStride;
    const outRow = y * outStride;
    for (let xx = 0; xx < outSize; xx++) {
      const count = counts[xx];
      const k0 = xx * taps;
      let p = inRow + starts[xx] * 3;
      let s0 = HALF;
      let s1 = HALF;
      let s2 = HALF;
      for (let x = 0; x < count; x++, p += 3) {
        const w = weights[k0 + x];
        s0 = (s0 + imul(src[p], w)) | 0;
        s1 = (s1 + imul(src[p + 1], w)) | 0;
        s2 = (s2 + imul(src[p + 2], w)) | 0;
      }
      const o = outRow + xx * 3;
      dst[o] = clip8(s0);
      dst[o + 1] = clip8(s1);
      dst[o + 2] = clip8(s2);
    }
  }
}

/**
 * Vertical pass: output row yy is the weighted sum of rows starts[yy] - rowOffset ... of `src`
 * (`rowLength` samples per row). Accumulates row by row into `acc` so memory is read in order.
 */
function verticalPass(src: Uint8Array, rowLength: number, rowOffset: number, v: AxisCoefficients, dst: Uint8Array, acc: Int32Array): void {
  const { outSize, taps, starts, counts, weights } = v;
  for (let yy = 0; yy < outSize; yy++) {
    acc.fill(HALF);
    const count = counts[yy];
    const k0 = yy * taps;
    for (let y = 0; y < count; y++) {
      const w = weights[k0 + y];
      const row = (starts[yy] - rowOffset + y) * rowLength;
      for (let i = 0; i < rowLength; i++) acc[i] = (acc[i] + imul(src[row + i], w)) | 0;
    }
    const out = yy * rowLength;
    for (let i = 0; i < rowLength; i++) dst[out + i] = clip8(acc[i]);
  }
}

/**
 * `image.resize((width, height), Image.BICUBIC)` as Pillow 9.4 computes it, bit for bit, for an RGB
 * image (downscaling and upscaling). Returns a new image; the input is not modified. Runs the
 * WebAssembly SIMD kernel (`pil-bicubic-wasm.ts`) where the runtime has it, else the TypeScript
 * passes below; both give the same bytes.
 */
export function resizePilBicubic(image: RgbImage, width: number, height: number): RgbImage {
  return resize(image, width, height, true);
}

/** `resizePilBicubic` with the TypeScript passes only (the reference the kernel is tested against). */
export function resizePilBicubicTs(image: RgbImage, width: number, height: number): RgbImage {
  return resize(image, width, height, false);
}

function resize(image: RgbImage, width: number, height: number, wasm: boolean): RgbImage {
  assertImageShape(image, 'resizePilBicubic input');
  assertTargetSize(width, height);
  if (image.channels !== 3) throw new TypeError(`resizePilBicubic: expected an RGB image (3 channels), found ${image.channels}`);
  const needHorizontal = width !== image.width;
  const needVertical = height !== image.height;
  if (!needHorizontal && !needVertical) return { data: image.data.slice(), width, height, channels: 3 };

  const horizontal = needHorizontal ? bicubicAxisCoefficients(image.width, width) : undefined;
  const vertical = needVertical ? bicubicAxisCoefficients(image.height, height) : undefined;
  const fast = wasm ? resampleWithWasm(image.data, image.width, image.height, horizontal, vertical) : null;
  if (fast) return { data: fast, width, height, channels: 3 };

  let rows: Uint8Array = image.data;
  let rowOffset = 0;
  if (horizontal) {
    // ImagingResampleInner: only rows bounds_vert[0] .. last bound end are resampled horizontally.
    const first = vertical ? vertical.starts[0] : 0;
    const last = vertical ? vertical.starts[height - 1] + vertical.counts[height - 1] : image.height;
    rows = new Uint8Array(width * 3 * (last - first));
    horizontalPass(image.data, image.width, first, last - first, horizontal, rows);
    rowOffset = first;
  }
  if (!vertical) return { data: rows, width, height, channels: 3 };
  const out = new Uint8Array(width * height * 3);
  verticalPass(rows, width * 3, rowOffset, vertical, out, new Int32Array(width * 3));
  return { data: out, width, height, channels: 3 };
}
