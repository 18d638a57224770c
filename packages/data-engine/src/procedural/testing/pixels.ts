// Pixel queries on decoded images for the tests of rendered ground truth.

import type { DecodedPng } from './decode-png';

export type Rgb = readonly [number, number, number];

/** The RGB colour at (x, y); greyscale repeats its one sample. */
export function pixelAt(image: DecodedPng, x: number, y: number): Rgb {
  const i = (y * image.width + x) * image.channels;
  const d = image.data;
  return image.channels === 1 ? [d[i], d[i], d[i]] : [d[i], d[i + 1], d[i + 2]];
}

/** Largest channel difference between two colours. */
export function colourDistance(a: Rgb, b: Rgb): number {
  return Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]));
}

/** Tight box [x1, y1, x2, y2] (x2, y2 exclusive) of the 1s of a mask inside a window, or null. */
export function maskBox(
  mask: Uint8Array,
  width: number,
  window: readonly [number, number, number, number],
): [number, number, number, number] | null {
  const height = mask.length / width;
  const [wx1, wy1] = [Math.max(0, window[0]), Math.max(0, window[1])];
  const [wx2, wy2] = [Math.min(width, window[2]), Math.min(height, window[3])];
  let box: [number, number, number, number] | null = null;
  for (let y = wy1; y < wy2; y++) {
    for (let x = wx1; x < wx2; x++) {
      if (mask[y * width + x] !== 1) continue;
      box = box
        ? [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x + 1), Math.max(box[3], y + 1)]
        : [x, y, x + 1, y + 1];
    }
  }
  return box;
}

/** The largest channel difference of each pixel from `reference`, row-major. */
export function distanceMap(image: DecodedPng, reference: Rgb): Uint8Array {
  const { data, channels } = image;
  const out = new Uint8Array(image.width * image.height);
  const [r0, g0, b0] = reference;
  const [gi, bi] = channels === 1 ? [0, 0] : [1, 2];
  for (let p = 0, i = 0; p < out.length; p++, i += channels) {
    const dr = data[i] > r0 ? data[i] - r0 : r0 - data[i];
    const dg = data[i + gi] > g0 ? data[i + gi] - g0 : g0 - data[i + gi];
    const db = data[i + bi] > b0 ? data[i + bi] - b0 : b0 - data[i + bi];
    out[p] = dr > dg ? (dr > db ? dr : db) : dg > db ? dg : db;
  }
  return out;
}

/** 1 where some channel differs from `reference` by more than `threshold`, else 0. */
export function differsMask(image: DecodedPng, reference: Rgb, threshold: number): Uint8Array {
  const mask = distanceMap(image, reference);
  for (let p = 0; p < mask.length; p++) mask[p] = mask[p] > threshold ? 1 : 0;
  return mask;
}

/** 1 where every channel is within `tolerance` of `colour`, else 0. */
export function matchesMask(image: DecodedPng, colour: Rgb, tolerance: number): Uint8Array {
  const mask = distanceMap(image, colour);
  for (let p = 0; p < mask.length; p++) mask[p] = mask[p] <= tolerance ? 1 : 0;
  return mask;
}

export interface Component {
  /** Tight box [x1, y1, x2, y2], x2 and y2 exclusive. */
  readonly box: [number, number, number, number];
  readonly pixels: number;
}

/** 8-connected components of the 1s of a mask, ignoring specks smaller than `minPixels`. */
export function components(source: Uint8Array, width: number, height: number, minPixels = 4): Component[] {
  const mask = source.slice();
  const found: Component[] = [];
  const stack = new Int32Array(width * height);
  for (let start = 0; start < width * height; start++) {
    if (mask[start] !== 1) continue;
    mask[start] = 2;
    let top = 0;
    stack[top++] = start;
    let [x1, y1, x2, y2, pixels] = [width, height, 0, 0, 0];
    while (top > 0) {
      const p = stack[--top];
      const x = p % width;
      const y = (p - x) / width;
      pixels++;
      if (x < x1) x1 = x;
      if (y < y1) y1 = y;
      if (x + 1 > x2) x2 = x + 1;
      if (y + 1 > y2) y2 = y + 1;
      for (let ny = Math.max(0, y - 1); ny <= Math.min(height - 1, y + 1); ny++) {
        for (let nx = Math.max(0, x - 1); nx <= Math.min(width - 1, x + 1); nx++) {
          const q = ny * width + nx;
          if (mask[q] !== 1) continue;
          mask[q] = 2;
          stack[top++] = q;
        }
      }
    }
    if (pixels >= minPixels) found.push({ box: [x1, y1, x2, y2], pixels });
  }
  return found;
}
