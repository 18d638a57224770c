import type { Box } from '@mixed-r1/records';
import { encodePng } from '@mixed-r1/vision';

export type Rgb = readonly [number, number, number];

/**
 * PNG bytes of a width x height RGB image: a background colour with, optionally, a filled
 * rectangle (x1, y1 inclusive; x2, y2 exclusive) in another colour: images whose content a
 * grounding box can point at.
 */
export async function tinyPng(width: number, height: number, background: Rgb, rectangle?: { box: Box; color: Rgb }): Promise<Uint8Array> {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inside = rectangle && x >= rectangle.box[0] && x < rectangle.box[2] && y >= rectangle.box[1] && y < rectangle.box[3];
      data.set(inside ? rectangle.color : background, (y * width + x) * 3);
    }
  }
  return encodePng({ data, width, height, channels: 3 });
}

/** Base64 of a tiny PNG, as a VLMEvalKit TSV's `image` field holds it. */
export async function tinyPngBase64(width: number, height: number, background: Rgb, rectangle?: { box: Box; color: Rgb }): Promise<string> {
  return Buffer.from(await tinyPng(width, height, background, rectangle)).toString('base64');
}
