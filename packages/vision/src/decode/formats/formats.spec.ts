import { imageFixture, readFixtureBytes } from '../../testing';
import { MalformedImage } from './format-decoder';
import { readGifFirstFrame } from './gif';
import { readJpegFrameInfo } from './jpeg';
import { readPngHeader } from './png';
import { decoderFor, FORMAT_DECODERS } from './registry';
import { fixUnpremultiply, readTiffLayout } from './tiff';

const bytesOf = (name: string) => readFixtureBytes(imageFixture(name).file);

describe('FORMAT_DECODERS', () => {
  it('recognises each format by its signature and nothing else', () => {
    expect(Object.keys(FORMAT_DECODERS)).toEqual(['jpeg', 'png', 'gif', 'webp', 'tiff']);
    for (const [name, format] of [
      ['jpeg-baseline', 'jpeg'],
      ['png-rgb', 'png'],
      ['gif', 'gif'],
      ['webp-lossy', 'webp'],
      ['tiff-raw', 'tiff'],
      ['tiff-big-endian', 'tiff'],
    ]) {
      expect(decoderFor(bytesOf(name))?.format).toBe(format);
    }
    expect(decoderFor(new TextEncoder().encode('GIF8 but not a GIF'))).toBeUndefined();
    expect(decoderFor(new Uint8Array(0))).toBeUndefined();
  });
});

describe('header readers', () => {
  it('readJpegFrameInfo counts the components of the frame', () => {
    expect(readJpegFrameInfo(bytesOf('jpeg-baseline')).components).toBe(3);
    expect(readJpegFrameInfo(bytesOf('jpeg-progressive')).components).toBe(3);
    expect(readJpegFrameInfo(bytesOf('jpeg-grey')).components).toBe(1);
    expect(readJpegFrameInfo(bytesOf('jpeg-cmyk-no-adobe')).components).toBe(4);
    expect(() => readJpegFrameInfo(bytesOf('jpeg-baseline').subarray(0, 40))).toThrow(MalformedImage);
  });

  it('readPngHeader reads IHDR', () => {
    expect(readPngHeader(bytesOf('png-grey16'))).toEqual({ width: 41, height: 29, bitDepth: 16, colourType: 0 });
    expect(readPngHeader(bytesOf('png-palette4-trns'))).toMatchObject({ bitDepth: 4, colourType: 3 });
    expect(() => readPngHeader(bytesOf('png-rgb').subarray(0, 20))).toThrow(/no IHDR chunk/);
  });

  it('readGifFirstFrame finds the frame rectangle, transparency and palette', () => {
    const frame = readGifFirstFrame(bytesOf('gif-partial-frame'));
    expect(frame).toMatchObject({ screenWidth: 63, screenHeight: 35, left: 3, top: 2, width: 57, height: 31, transparentIndex: 5 });
    expect(frame.palette.length % 3).toBe(0);
    expect(readGifFirstFrame(bytesOf('gif')).transparentIndex).toBeUndefined();
    expect(() => readGifFirstFrame(bytesOf('gif').subarray(0, 12))).toThrow(MalformedImage);
  });

  it('readTiffLayout reads PhotometricInterpretation and ExtraSamples in either byte order', () => {
    expect(readTiffLayout(bytesOf('tiff-rgbx'))).toEqual({ photometric: 2, extraSample: 0 });
    expect(readTiffLayout(bytesOf('tiff-rgba-associated'))).toEqual({ photometric: 2, extraSample: 1 });
    expect(readTiffLayout(bytesOf('tiff-big-endian'))).toEqual({ photometric: 2, extraSample: undefined });
    expect(readTiffLayout(bytesOf('tiff-cmyk')).photometric).toBe(5);
  });
});

describe('fixUnpremultiply', () => {
  it('raises a sample by one exactly where v * 255 / a was a whole number', () => {
    // v = 207, a = 207: Pillow 255 * 207 / 207 = 255, libvips 254.99.. -> 254; 13 * 207 and 1 * 207 are not
    // multiples of 255 (left alone); alpha 0 and 255 pixels are left alone
    const rgba = Uint8Array.from([254, 12, 0, 207, 9, 9, 9, 0, 254, 254, 254, 255]);
    expect(Array.from(fixUnpremultiply(rgba))).toEqual([255, 12, 0, 207, 9, 9, 9, 0, 254, 254, 254, 255]);
  });
});
