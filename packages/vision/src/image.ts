/**
 * A decoded image as plain data: 8-bit samples, interleaved, row-major, no padding. Every
 * function outside the decoding module sees only this (sharp stays behind `decode/`).
 */
export interface RawImage {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 2 | 3 | 4;
}

/** An 8-bit RGB image: what the processors take. */
export interface RgbImage extends RawImage {
  readonly channels: 3;
}

/** Checks that `data` holds exactly width * height * channels samples; throws a TypeError if not. */
export function assertImageShape(image: RawImage, what = 'image'): void {
  const { width, height, channels, data } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new TypeError(`${what}: width and height must be whole numbers >= 1, found ${width}x${height}`);
  }
  if (data.length !== width * height * channels) {
    throw new TypeError(`${what}: expected ${width}x${height}x${channels} = ${width * height * channels} samples, found ${data.length}`);
  }
}
