/** The image formats this package decodes, one decoder each, tried in this order. */
import type { FormatDecoder, ImageFormat } from './format-decoder';
import { gifDecoder } from './gif';
import { jpegDecoder } from './jpeg';
import { pngDecoder } from './png';
import { tiffDecoder } from './tiff';
import { webpDecoder } from './webp';

export const FORMAT_DECODERS: Readonly<Record<ImageFormat, FormatDecoder>> = Object.freeze({
  jpeg: jpegDecoder,
  png: pngDecoder,
  gif: gifDecoder,
  webp: webpDecoder,
  tiff: tiffDecoder,
});

/** The decoder whose signature `bytes` start with, or undefined. */
export function decoderFor(bytes: Uint8Array): FormatDecoder | undefined {
  return Object.values(FORMAT_DECODERS).find((decoder) => decoder.matches(bytes));
}
