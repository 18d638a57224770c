/**
 * One image container format: how to recognise it, and how to decode it into the pixels Pillow
 * 9.4's `Image.open` gives for it. One decoder per file; the registry is `registry.ts`.
 */
import type { RawImage } from '../../image';
import type { PixelSpace8, SharpPixels } from '../sharp-io';

export type ImageFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'tiff';

/** Decodes the whole input with sharp (the pixel limit and other input options already set). */
export interface PixelReader {
  /** 8-bit samples in `space`. */
  read8(space: PixelSpace8): Promise<SharpPixels>;
  /** 16-bit grey samples, alpha kept. */
  readGrey16(): Promise<SharpPixels<Uint16Array>>;
}

export interface FormatDecoder {
  readonly format: ImageFormat;
  /** Whether `bytes` start with this format's signature. */
  matches(bytes: Uint8Array): boolean;
  /**
   * The image as Pillow holds it after `Image.open`, in 8-bit samples: 1 channel where PIL's mode
   * is grey ("1", "L", "I", "LA", ...; PIL's RGB conversion ignores an "LA" alpha), 4 where it is
   * "RGBA", 3 otherwise (RGB, palette and CMYK already converted the way PIL's `convert("RGB")`
   * does). Throws `MalformedImage` for a header it cannot read.
   */
  decode(bytes: Uint8Array, reader: PixelReader): Promise<RawImage>;
}

/** A header that does not say what the format requires (truncated or corrupt). */
export class MalformedImage extends Error {
  constructor(format: ImageFormat, detail: string) {
    super(`malformed ${format} data: ${detail}`);
    this.name = 'MalformedImage';
  }
}

/** Whether `bytes` start with `signature` (byte values). */
export function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((b, i) => bytes[at + i] === b);
}


/** Throws `MalformedImage` unless sharp delivered one of the channel counts this decoder handles. */
export function expectChannels<P extends SharpPixels<Uint8Array | Uint16Array>>(pixels: P, format: ImageFormat, allowed: readonly number[]): P {
  if (!allowed.includes(pixels.channels)) {
    throw new MalformedImage(format, `decoded to ${pixels.channels} channels, expected ${allowed.join(' or ')} (an unsupported sample layout)`);
  }
  return pixels;
}
