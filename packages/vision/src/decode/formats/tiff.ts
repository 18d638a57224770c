/**
 * TIFF, first page. The first IFD's PhotometricInterpretation and ExtraSamples decide the PIL mode
 * (TiffImagePlugin.py `OPEN_INFO`): separated (CMYK) -> "CMYK", converted with PIL's formula
 * (not inverted, unlike JPEG); grey -> "L" (an extra alpha sample ignored by the RGB conversion);
 * RGB with an extra sample -> "RGBA" when it is alpha (ExtraSamples 1 or 2), "RGBX" when it is
 * unspecified (0: dropped); palette and YCbCr -> "RGB".
 *
 * Associated (premultiplied) alpha: Pillow unpremultiplies in integers (Unpack.c `unpackRGBa`:
 * `CLIP8(v * 255 / a)`, truncating), libvips in floating point, which lands just below the integer
 * when v * 255 / a is a whole number and so gives one less. `fixUnpremultiply` undoes exactly that
 * case (checked against Pillow on every (sample, alpha) pair, fixture tiff-rgba-associated-all-pairs).
 */
import { cmykToRgb, dropAlpha } from '../pil-convert';
import { expectChannels, MalformedImage, startsWith, type FormatDecoder } from './format-decoder';

const LITTLE = [0x49, 0x49, 0x2a, 0x00];
const BIG = [0x4d, 0x4d, 0x00, 0x2a];

const PHOTOMETRIC = 262;
const EXTRA_SAMPLES = 338;
const SEPARATED = 5;

/** The first IFD's tags this decoder uses (undefined where absent). */
export interface TiffLayout {
  readonly photometric: number | undefined;
  /** The first ExtraSamples value: 0 unspecified, 1 associated alpha, 2 unassociated alpha. */
  readonly extraSample: number | undefined;
}

/** Reads the first IFD of a classic (32-bit offset) TIFF. */
export function readTiffLayout(bytes: Uint8Array): TiffLayout {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = bytes[0] === 0x49;
  const ifd = view.getUint32(4, little);
  if (ifd + 2 > bytes.length) throw new MalformedImage('tiff', `the first IFD offset ${ifd} is past the end of the data (${bytes.length} bytes)`);
  const entries = view.getUint16(ifd, little);
  if (ifd + 2 + entries * 12 > bytes.length) throw new MalformedImage('tiff', 'the first IFD is cut off');
  let photometric: number | undefined;
  let extraSample: number | undefined;
  for (let e = 0; e < entries; e++) {
    const at = ifd + 2 + e * 12;
    const tag = view.getUint16(at, little);
    const type = view.getUint16(at + 2, little);
    const count = view.getUint32(at + 4, little);
    if (tag !== PHOTOMETRIC && tag !== EXTRA_SAMPLES) continue;
    if (type !== 3 || count < 1) throw new MalformedImage('tiff', `tag ${tag} is not a SHORT value`);
    // SHORT values fit in the 4-byte value field when there are at most two
    const valueAt = count <= 2 ? at + 8 : view.getUint32(at + 8, little);
    if (valueAt + 2 > bytes.length) throw new MalformedImage('tiff', `the value of tag ${tag} is past the end of the data`);
    const value = view.getUint16(valueAt, little);
    if (tag === PHOTOMETRIC) photometric = value;
    else extraSample = value;
  }
  return { photometric, extraSample };
}

/**
 * libvips' unpremultiplied sample u (alpha a, 0 < a < 255) is Pillow's floor(v * 255 / a) except
 * when v * 255 / a is a whole number n, where libvips gives n - 1: then (u + 1) * a is a multiple
 * of 255, which no other case allows (for u = floor(x) with x not whole, no integer v lies between
 * u * a / 255 and (u + 1) * a / 255 = an integer; for u = n whole, a would have to be 255).
 */
export function fixUnpremultiply(rgba: Uint8Array): Uint8Array {
  for (let i = 0; i < rgba.length; i += 4) {
    const a = rgba[i + 3];
    if (a === 0 || a === 255) continue;
    for (let c = i; c < i + 3; c++) {
      if (((rgba[c] + 1) * a) % 255 === 0) rgba[c] += 1;
    }
  }
  return rgba;
}

export const tiffDecoder: FormatDecoder = {
  format: 'tiff',
  matches: (bytes) => startsWith(bytes, LITTLE) || startsWith(bytes, BIG),
  async decode(bytes, reader) {
    if (bytes.length < 8) throw new MalformedImage('tiff', 'shorter than a TIFF header');
    const { photometric, extraSample } = readTiffLayout(bytes);
    if (photometric === SEPARATED) {
      const { data, width, height } = expectChannels(await reader.read8('cmyk'), 'tiff', [4]);
      return { data: cmykToRgb(data, width * height), width, height, channels: 3 };
    }
    if (photometric === 0 || photometric === 1) {
      const { data, width, height } = expectChannels(await reader.read8('b-w'), 'tiff', [1]);
      return { data, width, height, channels: 1 };
    }
    const { data, width, height, channels } = expectChannels(await reader.read8('srgb'), 'tiff', [3, 4]);
    if (channels === 3) return { data, width, height, channels: 3 };
    if (extraSample === 0) return { data: dropAlpha(data, width * height), width, height, channels: 3 };
    return { data: extraSample === 1 ? fixUnpremultiply(data) : data, width, height, channels: 4 };
  },
};
