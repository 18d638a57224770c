import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ImageError } from '../errors';
import { fixturePath, imageFixture, loadDecodedReference, readFixtureBytes, sha256Hex, visionFixtures } from '../testing';
import { decodeImage, decodeRaw, DEFAULT_LIMIT_INPUT_PIXELS, readImageSize } from './decode-image';

const { images, errors } = visionFixtures();

/** Channels decodeRaw gives for each PIL mode (DECODING.md). */
const CHANNELS_OF_MODE: Record<string, number> = { '1': 1, L: 1, I: 1, LA: 1, RGB: 3, RGBX: 3, P: 3, CMYK: 3, RGBA: 4 };

async function rejection(promise: Promise<unknown>): Promise<ImageError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImageError);
  return error as ImageError;
}

describe('decodeImage against Image.open + qwen-vl-utils to_rgb (Pillow 9.4)', () => {
  it('covers every format and PIL mode listed in DECODING.md', () => {
    expect(new Set(images.map((i) => path.extname(i.file)))).toEqual(new Set(['.jpg', '.png', '.webp', '.gif', '.tif']));
    expect(new Set(images.map((i) => i.pilMode))).toEqual(new Set(Object.keys(CHANNELS_OF_MODE)));
  });

  it.each(images.map((i) => [i.name, i] as const))('%s: the same RGB bytes', async (name, image) => {
    const decoded = await decodeImage(fixturePath(image.file), { sampleId: name });
    const expected = loadDecodedReference(image);
    expect([decoded.width, decoded.height, decoded.channels]).toEqual([expected.width, expected.height, 3]);
    expect(Buffer.from(decoded.data).equals(Buffer.from(expected.data))).toBe(true);
    expect(sha256Hex(decoded.data)).toBe(image.decoded.sha256);
  });

  it.each(images.map((i) => [i.name, i] as const))('%s: decodeRaw keeps the channels of PIL mode', async (_name, image) => {
    const raw = await decodeRaw(readFixtureBytes(image.file));
    expect(raw.channels).toBe(CHANNELS_OF_MODE[image.pilMode]);
    expect(raw.format).toBe({ '.jpg': 'jpeg', '.png': 'png', '.webp': 'webp', '.gif': 'gif', '.tif': 'tiff' }[path.extname(image.file)]);
  });

  it.each(images.filter((i) => i.decodedAlphaDroppedSha256).map((i) => [i.name, i] as const))(
    '%s with alpha "drop": the bytes of convert("RGB")',
    async (_name, image) => {
      const decoded = await decodeImage(readFixtureBytes(image.file), { alpha: 'drop' });
      expect(sha256Hex(decoded.data)).toBe(image.decodedAlphaDroppedSha256);
    },
  );

  it('decodes bytes and a path to the same image', async () => {
    const image = imageFixture('png-rgba');
    const fromPath = await decodeImage(fixturePath(image.file));
    const fromBytes = await decodeImage(readFixtureBytes(image.file));
    expect(fromBytes).toEqual(fromPath);
  });

  it('does not apply the EXIF orientation (Image.open does not)', async () => {
    const image = imageFixture('jpeg-exif-rotated');
    const decoded = await decodeImage(fixturePath(image.file));
    expect([decoded.width, decoded.height]).toEqual([57, 31]); // stored landscape, Orientation 6 ignored
  });
});

describe('decodeImage errors', () => {
  it.each(errors.map((e) => [e.name, e] as const))('%s: ImageError %s naming the sample', async (name, fixture) => {
    const error = await rejection(decodeImage(fixturePath(fixture.file), { sampleId: `sample-${name}` }));
    expect(error.kind).toBe(fixture.kind);
    expect(error.sampleId).toBe(`sample-${name}`);
    expect(error.message).toContain(`"sample-${name}"`);
    // Pillow refuses them too
    expect(fixture.pilError).toMatch(/^(OSError|UnidentifiedImageError|DecompressionBombError): /);
  });

  it('a decompression bomb is refused from its header, with its size and the limit', async () => {
    const bomb = readFixtureBytes('errors/bomb.png');
    expect(bomb.length).toBeLessThan(64 * 1024);
    const error = await rejection(decodeImage(bomb, { sampleId: 'bomb' }));
    expect(error.message).toContain('20000x20000 = 400,000,000 pixels is over the limit of 178,956,970 pixels');
    expect(DEFAULT_LIMIT_INPUT_PIXELS).toBe(2 * 89_478_485); // PIL's MAX_IMAGE_PIXELS * 2
  });

  it('applies limitInputPixels: an image of more pixels is refused, one of exactly as many is not', async () => {
    const image = imageFixture('jpeg-baseline'); // 100 x 75
    expect((await decodeImage(fixturePath(image.file), { limitInputPixels: 7500 })).width).toBe(100);
    const error = await rejection(decodeImage(fixturePath(image.file), { limitInputPixels: 7499, sampleId: 'small limit' }));
    expect(error.kind).toBe('too-many-pixels');
    expect(error.message).toContain('100x75 = 7,500 pixels is over the limit of 7,499 pixels');
  });

  it('a bad limit is a TypeError naming the option', async () => {
    await expect(decodeImage(new Uint8Array(4), { limitInputPixels: 0 })).rejects.toThrow(/limitInputPixels: expected a whole number of pixels >= 1, found 0/);
  });

  it('a missing file and a directory are "unreadable", named by path when no sample id is given', async () => {
    const missing = path.join(os.tmpdir(), 'no-such-dir-for-vision-tests', 'missing.jpg');
    const error = await rejection(decodeImage(missing));
    expect(error.kind).toBe('unreadable');
    expect(error.sampleId).toBe(missing);
    expect(error.message).toContain('no such file');
    const directory = await rejection(decodeImage(fixturePath('images'), { sampleId: 'dir' }));
    expect(directory.kind).toBe('unreadable');
    expect(directory.message).toContain('directory');
  });

  it('an unsupported format says what it found', async () => {
    const bmp = new Uint8Array([0x42, 0x4d, 0x36, 0, 0, 0, 0, 0, 0, 0]);
    const error = await rejection(decodeImage(bmp));
    expect(error.kind).toBe('undecodable');
    expect(error.sampleId).toBe('(bytes)');
    expect(error.message).toContain('not a JPEG, PNG, GIF, WebP or TIFF image (the data starts with 42 4d 36 00 00 00 00 00)');
  });

  it('a file cut inside the JPEG frame header is undecodable', async () => {
    const jpeg = readFixtureBytes(imageFixture('jpeg-baseline').file);
    const error = await rejection(decodeImage(jpeg.subarray(0, 30)));
    expect(error.kind).toBe('undecodable');
  });
});

describe('readImageSize', () => {
  it.each(images.map((i) => [i.name, i] as const))('%s: the size Image.open reports', async (_name, image) => {
    const size = await readImageSize(fixturePath(image.file));
    expect([size.width, size.height]).toEqual([image.width, image.height]);
  });

  it('reads a decompression bomb size without decoding it', async () => {
    expect(await readImageSize(fixturePath('errors/bomb.png'))).toEqual({ width: 20000, height: 20000, format: 'png' });
  });

  it('reads from bytes, and refuses what is not an image or not there', async () => {
    expect(await readImageSize(readFixtureBytes(imageFixture('gif').file))).toEqual({ width: 57, height: 31, format: 'gif' });
    expect((await rejection(readImageSize(readFixtureBytes('errors/text.txt'), { sampleId: 't' }))).kind).toBe('undecodable');
    expect((await rejection(readImageSize(path.join(os.tmpdir(), 'vision-missing.png')))).kind).toBe('unreadable');
    expect((await rejection(readImageSize(fixturePath('images')))).kind).toBe('unreadable');
  });

  it('refuses an empty file', async () => {
    const empty = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vision-')), 'empty.png');
    fs.writeFileSync(empty, '');
    expect((await rejection(readImageSize(empty))).kind).toBe('undecodable');
  });
});
