/**
 * GIF, first frame. Pillow 9.4 (GifImagePlugin.py) opens the first frame as mode "P" on a canvas
 * of the logical screen size, first filled with the transparency index if the frame's Graphic
 * Control Extension sets one, else with index 0; `convert("RGB")` then maps every index through
 * the frame's palette (local colour table, else global), transparent ones included. libvips
 * (libnsgif) instead gives transparent pixels, and the canvas outside the frame, no colour. So
 * those pixels are given here the colour PIL gives them, read from the file's own headers.
 */
import { expectChannels, MalformedImage, startsWith, type FormatDecoder } from './format-decoder';

const GIF87A = [0x47, 0x49, 0x46, 0x38, 0x37, 0x61];
const GIF89A = [0x47, 0x49, 0x46, 0x38, 0x39, 0x61];

/** What the blocks up to the first image descriptor say about the first frame. */
export interface GifFirstFrame {
  readonly screenWidth: number;
  readonly screenHeight: number;
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  /** The transparency index from the Graphic Control Extension before the frame, if set. */
  readonly transparentIndex: number | undefined;
  /** The frame's palette as RGB triples: its local colour table, else the global one (possibly empty). */
  readonly palette: Uint8Array;
}

function u16le(bytes: Uint8Array, at: number): number {
  return bytes[at] | (bytes[at + 1] << 8);
}

/** Reads the header, logical screen descriptor, extensions and first image descriptor. */
export function readGifFirstFrame(bytes: Uint8Array): GifFirstFrame {
  const truncated = (): never => {
    throw new MalformedImage('gif', 'the data ends before the first image descriptor');
  };
  if (bytes.length < 13) truncated();
  const screenWidth = u16le(bytes, 6);
  const screenHeight = u16le(bytes, 8);
  let pos = 13;
  let palette: Uint8Array = new Uint8Array(0);
  if (bytes[10] & 0x80) {
    const size = 3 << ((bytes[10] & 7) + 1);
    palette = bytes.subarray(pos, pos + size);
    pos += size;
  }
  let transparentIndex: number | undefined;
  for (;;) {
    if (pos >= bytes.length) truncated();
    const block = bytes[pos];
    if (block === 0x2c) break; // image descriptor
    if (block !== 0x21) throw new MalformedImage('gif', `unexpected block 0x${block.toString(16)} at byte ${pos} before the first frame`);
    if (pos + 2 >= bytes.length) truncated();
    const label = bytes[pos + 1];
    // Graphic Control Extension: size 4, packed fields, delay (2), transparent index
    if (label === 0xf9 && bytes[pos + 2] === 4 && pos + 6 < bytes.length) {
      transparentIndex = bytes[pos + 3] & 1 ? bytes[pos + 6] : undefined;
    }
    pos += 2;
    while (pos < bytes.length && bytes[pos] !== 0) pos += bytes[pos] + 1; // data sub-blocks
    pos += 1;
  }
  if (pos + 10 > bytes.length) truncated();
  const flags = bytes[pos + 9];
  if (flags & 0x80) {
    const size = 3 << ((flags & 7) + 1);
    palette = bytes.subarray(pos + 10, pos + 10 + size);
  }
  return {
    screenWidth,
    screenHeight,
    left: u16le(bytes, pos + 1),
    top: u16le(bytes, pos + 3),
    width: u16le(bytes, pos + 5),
    height: u16le(bytes, pos + 7),
    transparentIndex,
    palette,
  };
}

/**
 * The RGB of palette index `index`. Pillow's palette starts as the grey ramp (Palette.c
 * `ImagingPaletteNew`) and the file's table overwrites its first entries, so an index past the
 * table is grey.
 */
function paletteColour(palette: Uint8Array, index: number): [number, number, number] {
  if (index * 3 + 2 < palette.length) return [palette[index * 3], palette[index * 3 + 1], palette[index * 3 + 2]];
  return [index, index, index];
}

export const gifDecoder: FormatDecoder = {
  format: 'gif',
  matches: (bytes) => startsWith(bytes, GIF87A) || startsWith(bytes, GIF89A),
  async decode(bytes, reader) {
    const frame = readGifFirstFrame(bytes);
    const { data, width, height, channels } = expectChannels(await reader.read8('srgb'), 'gif', [3, 4]);
    const [fr, fg, fb] = paletteColour(frame.palette, frame.transparentIndex ?? 0);
    const [tr, tg, tb] = frame.transparentIndex === undefined ? [fr, fg, fb] : paletteColour(frame.palette, frame.transparentIndex);
    const right = frame.left + frame.width;
    const bottom = frame.top + frame.height;
    const out = new Uint8Array(width * height * 3);
    for (let y = 0, i = 0, o = 0; y < height; y++) {
      const rowInside = y >= frame.top && y < bottom;
      for (let x = 0; x < width; x++, i += channels, o += 3) {
        if (!rowInside || x < frame.left || x >= right) {
          out[o] = fr;
          out[o + 1] = fg;
          out[o + 2] = fb;
        } else if (channels === 4 && data[i + 3] === 0) {
          out[o] = tr;
          out[o + 1] = tg;
          out[o + 2] = tb;
        } else {
          out[o] = data[i];
          out[o + 1] = data[i + 1];
          out[o + 2] = data[i + 2];
        }
      }
    }
    return { data: out, width, height, channels: 3 };
  },
};
