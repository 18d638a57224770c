import { seededRandom } from '@mixed-r1/records/testing';
import { decodeImage } from '../decode';
import type { RgbImage } from '../image';
import {
  fixturePath,
  loadResizeCase,
  loadResizedReference,
  sha256Hex,
  syntheticRgb,
  visionFixtures,
  type ResizeFixture,
  type SyntheticResizeFixture,
} from '../testing';
import { pilBicubicWasmAvailable } from './pil-bicubic-wasm';
import { resizePilBicubic, resizePilBicubicTs } from './pil-bicubic';

const { resize, syntheticResize, images } = visionFixtures();
const label = (c: ResizeFixture | SyntheticResizeFixture) => `${c.inputWidth}x${c.inputHeight} -> ${c.width}x${c.height}`;

function randomImage(width: number, height: number, random: () => number): RgbImage {
  return { data: Uint8Array.from({ length: width * height * 3 }, () => Math.floor(random() * 256)), width, height, channels: 3 };
}

describe('resizePilBicubic against Pillow 9.4 Image.resize(BICUBIC)', () => {
  it('runs the WebAssembly kernel in this runtime', () => {
    expect(pilBicubicWasmAvailable()).toBe(true);
  });

  it.each(resize.map((c) => [label(c), c] as const))('random pixels %s: the same bytes', (_label, fixture) => {
    const { input, expected } = loadResizeCase(fixture);
    expect(Buffer.from(resizePilBicubic(input, fixture.width, fixture.height).data).equals(Buffer.from(expected.data))).toBe(true);
    expect(Buffer.from(resizePilBicubicTs(input, fixture.width, fixture.height).data).equals(Buffer.from(expected.data))).toBe(true);
  });

  it.each(syntheticResize.map((c) => [label(c), c] as const))('synthetic %s: the same bytes (by sha256)', (_label, fixture) => {
    const input = syntheticRgb(fixture.inputWidth, fixture.inputHeight, fixture.seed);
    expect(sha256Hex(input.data)).toBe(fixture.inputSha256);
    expect(sha256Hex(resizePilBicubic(input, fixture.width, fixture.height).data)).toBe(fixture.sha256);
  });

  it.each(images.filter((i) => i.qwen).map((i) => [i.name, i] as const))(
    'decoded %s resized to its smart_resize size: the same bytes as the Python reference',
    async (_name, image) => {
      const decoded = await decodeImage(fixturePath(image.file));
      const expected = loadResizedReference(image);
      const resized = resizePilBicubic(decoded, expected.width, expected.height);
      expect([resized.width, resized.height]).toEqual([expected.width, expected.height]);
      expect(Buffer.from(resized.data).equals(Buffer.from(expected.data))).toBe(true);
    },
  );
});

describe('resizePilBicubic', () => {
  it('gives the same bytes with the WebAssembly kernel and the TypeScript passes on random sizes', () => {
    const random = seededRandom(20240531);
    for (let trial = 0; trial < 60; trial++) {
      const size = () => 1 + Math.floor(random() * 70);
      const image = randomImage(size(), size(), random);
      const [width, height] = [size(), size()];
      expect(Buffer.from(resizePilBicubic(image, width, height).data).equals(Buffer.from(resizePilBicubicTs(image, width, height).data))).toBe(true);
    }
  });

  it('copies an image resized to its own size, like Image.resize, and never changes its input', () => {
    const image = randomImage(9, 5, seededRandom(1));
    const before = image.data.slice();
    const same = resizePilBicubic(image, 9, 5);
    expect(same.data).toEqual(image.data);
    expect(same.data).not.toBe(image.data);
    resizePilBicubic(image, 20, 3);
    expect(image.data).toEqual(before);
  });

  it('keeps a constant image constant at any size (the weights sum to one)', () => {
    const flat: RgbImage = { data: new Uint8Array(13 * 7 * 3).fill(200), width: 13, height: 7, channels: 3 };
    for (const [w, h] of [[1, 1], [40, 21], [5, 30]]) expect(new Set(resizePilBicubic(flat, w, h).data)).toEqual(new Set([200]));
  });

  it('refuses bad sizes and non-RGB input with a TypeError saying what it found', () => {
    const image = randomImage(4, 4, seededRandom(2));
    expect(() => resizePilBicubic(image, 0, 4)).toThrow(/whole numbers >= 1, found 0x4/);
    expect(() => resizePilBicubic(image, 2.5, 4)).toThrow(TypeError);
    expect(() => resizePilBicubic({ ...image, data: image.data.subarray(1) }, 2, 2)).toThrow(/expected 4x4x3 = 48 samples, found 47/);
    expect(() => resizePilBicubic({ data: new Uint8Array(64), width: 4, height: 4, channels: 4 } as unknown as RgbImage, 2, 2)).toThrow(
      /expected an RGB image \(3 channels\), found 4/,
    );
  });
});
