/**
 * Deterministic test images computed the same way here and in
 * tools/vision-reference/make_fixtures.py (`synthetic_rgb`), so large resize cases can be checked
 * against Pillow by hash without committing their pixels.
 */
import type { RgbImage } from '../image';

// a module-level binding: looking `Math` up per pixel is slow in jest's sandboxed global
const imul = Math.imul;

/** A 32-bit integer hash (multiply-xorshift), as `hash32` in make_fixtures.py. */
export function hash32(index: number): number {
  let h = imul(index, 2654435761) >>> 0;
  h ^= h >>> 15;
  h = imul(h, 2246822519) >>> 0;
  h ^= h >>> 13;
  h = imul(h, 3266489917) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** Gradients that wrap from 255 to 0 (hard edges) plus 6 bits of hashed noise. */
export function syntheticRgb(width: number, height: number, seed: number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++, i++) {
        const noise = hash32(i + seed * 7919) >>> 26;
        data[i] = (x * 3 + y * 5 + c * 85 + noise) & 255;
      }
    }
  }
  return { data, width, height, channels: 3 };
}
