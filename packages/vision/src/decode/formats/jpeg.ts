/**
 * JPEG: baseline, progressive, grey, and CMYK/YCCK. Colour and grey JPEGs decode to the same bytes
 * as Pillow's (both use libjpeg(-turbo)'s default islow IDCT and fancy upsampling). CMYK is taken
 * raw from libjpeg and converted with PIL's own formula (pil-convert.ts `cmykToRgb`), not with an
 * ICC profile as sharp would by default. PIL unpacks every 4-component JPEG as "CMYK;I" (inverted,
 * JpegImagePlugin.py: "assume adobe conventions") and libvips inverts them too, with or without an
 * Adobe APP14 marker (both cases are fixtures), so the samples arrive as PIL's.
 */
import { cmykToRgb } from '../pil-convert';
import { expectChannels, MalformedImage, startsWith, type FormatDecoder } from './format-decoder';

/** What the frame header says. */
export interface JpegFrameInfo {
  /** Colour components: 1 grey, 3 YCbCr or RGB, 4 CMYK or YCCK. */
  readonly components: number;
}

const SOI = [0xff, 0xd8, 0xff];

/** Start-of-frame markers (ITU T.81 table B.1): C0-CF except DHT (C4), JPG (C8) and DAC (CC). */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** Walks the marker segments from SOI to the first SOS. */
export function readJpegFrameInfo(bytes: Uint8Array): JpegFrameInfo {
  let components = 0;
  let pos = 2;
  while (pos + 4 <= bytes.length) {
    if (bytes[pos] !== 0xff) throw new MalformedImage('jpeg', `expected a marker at byte ${pos}, found 0x${bytes[pos].toString(16)}`);
    const marker = bytes[pos + 1];
    if (marker === 0xff) {
      pos += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      pos += 2; // TEM and RSTn have no length
      continue;
    }
    const length = (bytes[pos + 2] << 8) | bytes[pos + 3];
    if (marker === 0xda) {
      if (components === 0) break;
      return { components };
    }
    if (isStartOfFrame(marker) && pos + 9 < bytes.length) components = bytes[pos + 9];
    pos += 2 + length;
  }
  throw new MalformedImage('jpeg', 'no frame header (SOF) and scan (SOS) found: truncated or not a JPEG');
}

export const jpegDecoder: FormatDecoder = {
  format: 'jpeg',
  matches: (bytes) => startsWith(bytes, SOI),
  async decode(bytes, reader) {
    const { components } = readJpegFrameInfo(bytes);
    if (components === 4) {
      const { data, width, height } = expectChannels(await reader.read8('cmyk'), 'jpeg', [4]);
      return { data: cmykToRgb(data, width * height), width, height, channels: 3 };
    }
    if (components === 1) {
      const { data, width, height } = expectChannels(await reader.read8('b-w'), 'jpeg', [1]);
      return { data, width, height, channels: 1 };
    }
    const { data, width, height } = expectChannels(await reader.read8('srgb'), 'jpeg', [3]);
    return { data, width, height, channels: 3 };
  },
};
