/**
 * Image decoding as the Python reference does it: `PIL.Image.open(f)` (Pillow 9.4), then
 * qwen-vl-utils' `to_rgb` (`vision_process.py`: RGBA composited on white with
 * `paste(mask=alpha)`, every other mode `convert("RGB")`). See DECODING.md for the formats
 * covered, what is exact and what is not.
 *
 * EXIF orientation is not applied: `Image.open` does not apply it either, so a photo stored
 * sideways with an Orientation tag reaches the model sideways in Python too.
 */
import fs from 'node:fs';
import { ImageError } from '../errors';
import type { RawImage, RgbImage } from '../image';
import { MalformedImage, type ImageFormat, type PixelReader } from './formats/format-decoder';
import { decoderFor } from './formats/registry';
import { toRgb, type AlphaPolicy } from './pil-convert';
import { readDimensions, readGrey16, readPixels8 } from './sharp-io';

/**
 * The default pixel limit: 2 * PIL's `Image.MAX_IMAGE_PIXELS` (89,478,485), the size above which
 * `Image.open` raises `DecompressionBombError`. (sharp's own default is 268,402,689.)
 */
export const DEFAULT_LIMIT_INPUT_PIXELS = 178_956_970;

export interface DecodeOptions {
  /** Names the image in errors (a sample id); default: the path, or "(bytes)". */
  readonly sampleId?: string;
  /**
   * Images with more pixels (width * height, from the header) are refused before decoding, with
   * `ImageError` kind 'too-many-pixels' (sharp's `limitInputPixels`). Default
   * DEFAULT_LIMIT_INPUT_PIXELS.
   */
  readonly limitInputPixels?: number;
}

export interface DecodeRgbOptions extends DecodeOptions {
  /** How an RGBA image becomes RGB; default 'white' (qwen-vl-utils `to_rgb`). */
  readonly alpha?: AlphaPolicy;
}

/** A decoded image with the container format it came from. */
export interface DecodedImage extends RawImage {
  readonly format: ImageFormat;
}

/** Width, height and format from the header alone. */
export interface ImageSize {
  readonly width: number;
  readonly height: number;
  readonly format: ImageFormat;
}

const FORMAT_NAMES = 'JPEG, PNG, GIF, WebP or TIFF';

function sampleIdOf(source: Uint8Array | string, options: DecodeOptions): string {
  return options.sampleId ?? (typeof source === 'string' ? source : '(bytes)');
}

function limitOf(options: DecodeOptions): number {
  const limit = options.limitInputPixels ?? DEFAULT_LIMIT_INPUT_PIXELS;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new TypeError(`limitInputPixels: expected a whole number of pixels >= 1, found ${limit}`);
  }
  return limit;
}

function unreadable(path: string, sampleId: string, error: unknown): ImageError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EISDIR'
        ? 'it is a directory'
        : code === 'EACCES'
          ? 'permission denied'
          : String((error as Error).message ?? error);
  return new ImageError('unreadable', sampleId, `cannot read "${path}": ${reason}; check the path`);
}

async function readSource(source: Uint8Array | string, sampleId: string): Promise<Uint8Array> {
  if (typeof source !== 'string') return source;
  try {
    return await fs.promises.readFile(source);
  } catch (error) {
    throw unreadable(source, sampleId, error);
  }
}

function hexPrefix(bytes: Uint8Array): string {
  return Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ');
}

/** The decoder for `bytes`, or the 'undecodable' error that says what the bytes are not. */
function decoderOrThrow(bytes: Uint8Array, sampleId: string) {
  if (bytes.length === 0) throw new ImageError('undecodable', sampleId, 'the image data is empty (0 bytes)');
  const decoder = decoderFor(bytes);
  if (!decoder) {
    throw new ImageError(
      'undecodable',
      sampleId,
      `not a ${FORMAT_NAMES} image (the data starts with ${hexPrefix(bytes)}); it may be another format or not an image at all`,
    );
  }
  return decoder;
}

/**
 * Turns a failure while decoding (sharp's errors, a malformed header) into the matching
 * ImageError; a TypeError or RangeError is a fault of this code and is passed on as it is.
 */
async function decodeFailure(error: unknown, bytes: Uint8Array, format: ImageFormat, sampleId: string, limit: number): Promise<unknown> {
  if (error instanceof ImageError || error instanceof TypeError || error instanceof RangeError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) {
    const size = await readDimensions(bytes).catch(() => undefined);
    const found = size ? `${size.width}x${size.height} = ${(size.width * size.height).toLocaleString('en-US')} pixels` : 'the image';
    return new ImageError(
      'too-many-pixels',
      sampleId,
      `${found} is over the limit of ${limit.toLocaleString('en-US')} pixels (limitInputPixels; a possible decompression bomb); raise the limit only for trusted images`,
    );
  }
  const detail = error instanceof MalformedImage ? message : `${format} data could not be decoded (${message.split('\n')[0]})`;
  return new ImageError('undecodable', sampleId, `${detail}: the file is truncated, corrupt or not an image`);
}

/**
 * Decodes an image into the pixels PIL's `Image.open` holds, in 8 bits: 1 channel (grey modes),
 * 3 (RGB, palette and CMYK converted as PIL converts them) or 4 (PIL mode "RGBA" only). Throws
 * `ImageError`: 'unreadable' (missing file, directory, no permission), 'undecodable' (empty,
 * truncated, corrupt, not a supported format), 'too-many-pixels' (over `limitInputPixels`).
 */
export async function decodeRaw(source: Uint8Array | string, options: DecodeOptions = {}): Promise<DecodedImage> {
  const sampleId = sampleIdOf(source, options);
  const limit = limitOf(options);
  const bytes = await readSource(source, sampleId);
  const decoder = decoderOrThrow(bytes, sampleId);
  const sharpOptions = { limitInputPixels: limit };
  const reader: PixelReader = {
    read8: (space) => readPixels8(bytes, space, sharpOptions),
    readGrey16: () => readGrey16(bytes, sharpOptions),
  };
  try {
    const image = await decoder.decode(bytes, reader);
    return { ...image, format: decoder.format };
  } catch (error) {
    throw await decodeFailure(error, bytes, decoder.format, sampleId, limit);
  }
}

/**
 * Decodes an image to 8-bit RGB exactly as the Python reference does (see the module comment):
 * `decodeRaw`, then `toRgb` with `options.alpha` ('white' by default).
 */
export async function decodeImage(source: Uint8Array | string, options: DecodeRgbOptions = {}): Promise<RgbImage> {
  const image = await decodeRaw(source, options);
  return toRgb(image, options.alpha ?? 'white');
}

/**
 * Width, height and format from the header only (no pixel decoding; a file is read only as far as
 * libvips needs), for validators. Same errors as `decodeRaw` for unreadable and unrecognised input;
 * no pixel limit is applied (compare the size yourself).
 */
export async function readImageSize(source: Uint8Array | string, options: Pick<DecodeOptions, 'sampleId'> = {}): Promise<ImageSize> {
  const sampleId = sampleIdOf(source, options);
  let head: Uint8Array;
  if (typeof source === 'string') {
    try {
      const handle = await fs.promises.open(source, 'r');
      try {
        const buffer = Buffer.alloc(16);
        const { bytesRead } = await handle.read(buffer, 0, 16, 0);
        head = buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    } catch (error) {
      throw unreadable(source, sampleId, error);
    }
  } else {
    head = source;
  }
  const decoder = decoderOrThrow(head, sampleId);
  try {
    return { ...(await readDimensions(source)), format: decoder.format };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ImageError('undecodable', sampleId, `${decoder.format} header could not be read (${message}): the file is truncated, corrupt or not an image`);
  }
}
