/**
 * PNG: every colour type and bit depth, mapped to the mode Pillow 9.4's `PngImagePlugin._MODES`
 * gives it (the high byte of 16-bit samples, as PIL's "RGB;16B"-style unpackers take):
 * - grey 1/2/4/8-bit -> "1"/"L" (scaled to 0..255 by both libpng and PIL); a tRNS entry is ignored
 *   by PIL's RGB conversion;
 * - grey 16-bit -> "I": PIL's RGB conversion clamps the 16-bit value to 0..255 (pil-convert.ts
 *   `clampGrey16`) instead of scaling it, so most of such an image is white in Python;
 * - RGB 8/16-bit and palette -> "RGB"/"P": a tRNS chunk is ignored by `convert("RGB")`;
 * - grey+alpha 8-bit -> "LA" (alpha ignored by the RGB conversion); grey+alpha 16-bit -> "RGBA";
 * - RGBA 8/16-bit -> "RGBA".
 */
import { clampGrey16, dropAlpha, firstChannel } from '../pil-convert';
import { expectChannels, MalformedImage, startsWith, type FormatDecoder } from './format-decoder';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const IHDR = [0x49, 0x48, 0x44, 0x52];

export interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  /** 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA (PNG spec, IHDR). */
  readonly colourType: number;
}

/** The IHDR chunk, which the PNG spec requires first. */
export function readPngHeader(bytes: Uint8Array): PngHeader {
  if (bytes.length < 33 || !startsWith(bytes, IHDR, 12)) throw new MalformedImage('png', 'no IHDR chunk after the signature');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20), bitDepth: bytes[24], colourType: bytes[25] };
}

export const pngDecoder: FormatDecoder = {
  format: 'png',
  matches: (bytes) => startsWith(bytes, SIGNATURE),
  async decode(bytes, reader) {
    const { bitDepth, colourType } = readPngHeader(bytes);
    if (colourType === 0 && bitDepth === 16) {
      const { data, width, height, channels } = expectChannels(await reader.readGrey16(), 'png', [1, 2]);
      return { data: clampGrey16(data, width * height, channels), width, height, channels: 1 };
    }
    if (colourType === 0 || (colourType === 4 && bitDepth === 8)) {
      const { data, width, height, channels } = expectChannels(await reader.read8('b-w'), 'png', [1, 2]);
      return { data: firstChannel(data, width * height, channels), width, height, channels: 1 };
    }
    const { data, width, height, channels } = expectChannels(await reader.read8('srgb'), 'png', [3, 4]);
    if (channels === 3) return { data, width, height, channels: 3 };
    // colour types 4 (16-bit) and 6 are PIL "RGBA"; 2 and 3 with a tRNS chunk are "RGB"/"P"
    const rgba = colourType === 4 || colourType === 6;
    return rgba ? { data, width, height, channels: 4 } : { data: dropAlpha(data, width * height), width, height, channels: 3 };
  },
};
