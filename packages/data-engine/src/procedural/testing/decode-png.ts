// A minimal PNG reader for tests: 8-bit greyscale, RGB or RGBA, not interlaced (what the vision
// package's renderer writes). Follows the PNG specification (ISO/IEC 15948), sections 9 (filters)
// and 11.2 (IHDR); an unsupported file throws and says why.

import { inflateSync } from 'node:zlib';

export interface DecodedPng {
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 3 | 4;
  /** Samples, row-major, interleaved, no padding. */
  readonly data: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const CHANNELS_OF_COLOUR_TYPE: Readonly<Record<number, 1 | 3 | 4>> = { 0: 1, 2: 3, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

function unfilter(raw: Uint8Array, width: number, height: number, channels: number): Uint8Array {
  const stride = width * channels;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const source = y * (stride + 1) + 1;
    const row = y * stride;
    const up = row - stride;
    for (let x = 0; x < stride; x++) {
      const value = raw[source + x];
      const a = x >= channels ? out[row + x - channels] : 0;
      const b = y > 0 ? out[up + x] : 0;
      let predicted: number;
      switch (filter) {
        case 0:
          predicted = 0;
          break;
        case 1:
          predicted = a;
          break;
        case 2:
          predicted = b;
          break;
        case 3:
          predicted = (a + b) >> 1;
          break;
        case 4:
          predicted = paeth(a, b, y > 0 && x >= channels ? out[up + x - channels] : 0);
          break;
        default:
          throw new Error(`decodePng: unknown filter type ${filter} on row ${y}`);
      }
      out[row + x] = (value + predicted) & 0xff;
    }
  }
  return out;
}

/** Decodes PNG bytes into raw samples. */
export function decodePng(bytes: Uint8Array): DecodedPng {
  if (!SIGNATURE.every((byte, i) => bytes[i] === byte)) throw new Error('decodePng: not a PNG (bad signature)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 8;
  let header: { width: number; height: number; channels: 1 | 3 | 4 } | null = null;
  const idat: Uint8Array[] = [];
  while (offset < bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      const [depth, colourType, , , interlace] = body.subarray(8, 13);
      const channels = CHANNELS_OF_COLOUR_TYPE[colourType];
      if (depth !== 8 || !channels || interlace !== 0) {
        throw new Error(
          `decodePng: only 8-bit grey/RGB/RGBA non-interlaced, found depth ${depth}, ` +
            `colour type ${colourType}, interlace ${interlace}`,
        );
      }
      header = { width: view.getUint32(offset + 8), height: view.getUint32(offset + 12), channels };
    } else if (type === 'IDAT') {
      idat.push(body);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  if (!header) throw new Error('decodePng: no IHDR chunk');
  const raw = new Uint8Array(inflateSync(Buffer.concat(idat)));
  const expected = (header.width * header.channels + 1) * header.height;
  if (raw.length !== expected) throw new Error(`decodePng: expected ${expected} filtered bytes, found ${raw.length}`);
  return { ...header, data: unfilter(raw, header.width, header.height, header.channels) };
}
