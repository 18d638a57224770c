/**
 * The one module of decoding and resampling that imports sharp (libvips); everything else sees
 * plain `{data, width, height, channels}` values. Errors from sharp are passed on as they are; the
 * callers in this folder turn them into `ImageError`s.
 */
import sharp from 'sharp';

/** 8-bit colourspaces sharp delivers samples in: sRGB (with alpha if any), grey (alpha dropped), raw CMYK. */
export type PixelSpace8 = 'srgb' | 'b-w' | 'cmyk';

/** Decoded samples as sharp delivers them: interleaved, row-major, no padding. */
export interface SharpPixels<Data extends Uint8Array | Uint16Array = Uint8Array> {
  readonly data: Data;
  readonly width: number;
  readonly height: number;
  readonly channels: number;
}

export interface SharpReadOptions {
  /** sharp's `limitInputPixels`: width * height above this is refused before decoding. */
  readonly limitInputPixels: number;
}

/**
 * Input options for every decode: pixel data as stored (no embedded ICC profile applied, as PIL's
 * `Image.open` applies none; no EXIF rotation, sharp's default), the first frame or page only, and
 * failing on truncated or corrupt data (`failOn: 'error'`; PIL's loader raises on those too) but
 * not on mere warnings such as extraneous bytes between JPEG markers (which PIL ignores).
 */
function input(bytes: Uint8Array, options: SharpReadOptions): ReturnType<typeof sharp> {
  return sharp(bytes, {
    failOn: 'error',
    limitInputPixels: options.limitInputPixels,
    ignoreIcc: true,
    autoOrient: false,
    pages: 1,
    page: 0,
  });
}

/** Decodes `bytes` and delivers 8-bit samples in `space`. */
export async function readPixels8(bytes: Uint8Array, space: PixelSpace8, options: SharpReadOptions): Promise<SharpPixels> {
  let pipeline = input(bytes, options);
  if (space === 'cmyk') pipeline = pipeline.pipelineColourspace('cmyk');
  const { data, info } = await pipeline.toColourspace(space).raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height, channels: info.channels };
}

/** Decodes `bytes` and delivers 16-bit grey samples (with the alpha channel, if any). */
export async function readGrey16(bytes: Uint8Array, options: SharpReadOptions): Promise<SharpPixels<Uint16Array>> {
  const { data, info } = await input(bytes, options).toColourspace('grey16').raw({ depth: 'ushort' }).toBuffer({ resolveWithObject: true });
  // libvips delivers 16-bit samples in the machine's byte order (little-endian on every Node target)
  const aligned = data.byteOffset % 2 === 0 ? data : Buffer.from(data);
  return {
    data: new Uint16Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 2),
    width: info.width,
    height: info.height,
    channels: info.channels,
  };
}

/** Width and height from the header alone (for multi-frame GIFs, the logical screen). */
export async function readDimensions(source: Uint8Array | string): Promise<{ width: number; height: number }> {
  const metadata = await sharp(source, { failOn: 'error', limitInputPixels: false, pages: 1 }).metadata();
  if (!metadata.width || !metadata.height) throw new Error(`no image size in the header (format ${metadata.format ?? 'unknown'})`);
  return { width: metadata.width, height: metadata.height };
}

/** An 8-bit interleaved image as sharp's raw input describes it. */
export interface RawSize {
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 2 | 3 | 4;
}

/**
 * Shrinks (no side grows) with libvips' `vips_resize` and sharp's `cubic` kernel (Catmull-Rom):
 * libvips' separable reduce, sampling at pixel centres as Pillow does.
 */
export async function shrinkCubic(data: Uint8Array, size: RawSize, width: number, height: number): Promise<Uint8Array> {
  const output = await sharp(data, { raw: size }).resize(width, height, { kernel: 'cubic', fit: 'fill' }).raw().toBuffer();
  return new Uint8Array(output.buffer, output.byteOffset, output.byteLength);
}

/** Rows of padding copied from the edges before enlarging: more than the cubic's reach of 2. */
const GROW_PADDING = 3;

/**
 * Enlarges (no side shrinks) with libvips' affine transform and its bicubic (Catmull-Rom)
 * interpolator, input pixel x at output (x + 0.5) * scale - 0.5 as in Pillow. (sharp's `resize`
 * enlarges with the same interpolator but half an output pixel off, a visible shift against
 * Pillow.) The edges are extended by copying first, as the affine transform would otherwise
 * blend them with a black background; libvips places samples on a 1/8-pixel grid.
 */
export async function growCubic(data: Uint8Array, size: RawSize, width: number, height: number): Promise<Uint8Array> {
  const pad = GROW_PADDING;
  const padded = await sharp(data, { raw: size })
    .extend({ top: pad, bottom: pad, left: pad, right: pad, extendWith: 'copy' })
    .raw()
    .toBuffer();
  const sx = width / size.width;
  const sy = height / size.height;
  // vips_affine: X = sx * (x + idx) + odx; with x the padded input's coordinate, Pillow's mapping
  // x - pad = (X + 0.5) / sx - 0.5 gives idx = 0.5 - pad, odx = -0.5.
  const { data: out, info } = await sharp(padded, { raw: { ...size, width: size.width + 2 * pad, height: size.height + 2 * pad } })
    .affine([sx, 0, 0, sy], { idx: 0.5 - pad, idy: 0.5 - pad, odx: -0.5, ody: -0.5, interpolator: sharp.interpolators.bicubic })
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.width < width || info.height < height) {
    throw new Error(`libvips affine gave ${info.width}x${info.height}, expected at least ${width}x${height}`);
  }
  // the output frame starts at X = 0; keep its top-left width x height
  const rowBytes = width * size.channels;
  const result = new Uint8Array(rowBytes * height);
  for (let y = 0; y < height; y++) result.set(out.subarray(y * info.width * size.channels, y * info.width * size.channels + rowBytes), y * rowBytes);
  return result;
}

/** JPEG bytes of an 8-bit RGB image (for generated test and benchmark images). */
export async function encodeJpeg(data: Uint8Array, size: RawSize, quality: number): Promise<Uint8Array> {
  const output = await sharp(data, { raw: size }).jpeg({ quality }).toBuffer();
  return new Uint8Array(output.buffer, output.byteOffset, output.byteLength);
}
