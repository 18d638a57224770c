/**
 * Photo-like test images for benchmarks: smooth gradients and blobs with Gaussian-like noise,
 * encoded as JPEG (quality 90 by default, 4:2:0 chroma, as most camera and web JPEGs), the same
 * bytes on every run.
 */
import { encodeJpeg } from '../decode/sharp-io';
import { hash32 } from './synthetic';

export interface BenchImageOptions {
  readonly width?: number;
  readonly height?: number;
  readonly quality?: number;
}

/** `count` different JPEGs of width x height (default 1024 x 768). */
export async function makeBenchJpegs(count: number, options: BenchImageOptions = {}): Promise<Uint8Array[]> {
  const { width = 1024, height = 768, quality = 90 } = options;
  const jpegs: Uint8Array[] = [];
  for (let n = 0; n < count; n++) {
    const data = new Uint8Array(width * height * 3);
    const [cx, cy] = [(0.3 + 0.1 * n) * width, (0.6 - 0.05 * n) * height];
    for (let y = 0, i = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const blob = 90 * Math.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * (0.15 * width) ** 2));
        for (let c = 0; c < 3; c++, i++) {
          const h = hash32(i + n * 104729);
          // sum of four 8-bit uniforms: roughly Gaussian noise, standard deviation about 12
          const noise = ((h & 255) + ((h >>> 8) & 255) + ((h >>> 16) & 255) + (h >>> 24) - 510) / 12;
          const gradient = c === 0 ? (x / width) * 200 : c === 1 ? (y / height) * 180 : ((x + y) / (width + height)) * 160;
          data[i] = Math.max(0, Math.min(255, Math.round(30 + gradient + blob * (c === 2 ? -0.5 : 1) + noise)));
        }
      }
    }
    jpegs.push(await encodeJpeg(data, { width, height, channels: 3 }, quality));
  }
  return jpegs;
}
