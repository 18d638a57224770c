import { decodeImage } from '../decode';
import { ImageError } from '../errors';
import { imageFixture, loadPatchRowsReference, readFixtureBytes, sha256Hex, visionFixtures } from '../testing';
import { smartResize } from '../smart-resize';
import { createQwenProcessor } from './qwen2-5-vl';

// Every committed image with a reference preprocessing, made by Pillow + NumPy following
// transformers' Qwen2VLImageProcessor (tools/vision-reference/make_fixtures.py).
const WITH_REFERENCE = visionFixtures().images.filter((image) => image.qwen);

function bytesOf(rows: Float32Array): Uint8Array {
  return new Uint8Array(rows.buffer, rows.byteOffset, rows.byteLength);
}

describe('Qwen2.5-VL processor against the Pillow + NumPy reference', () => {
  it('has references to check', () => {
    expect(WITH_REFERENCE.length).toBeGreaterThanOrEqual(20);
  });

  it.each(WITH_REFERENCE.map((image) => [image.name, image] as const))('%s: same grid, tokens and patch rows (bit for bit)', async (_name, image) => {
    const reference = image.qwen!;
    const processor = createQwenProcessor({ minPixels: reference.minPixels, maxPixels: reference.maxPixels });
    const decoded = await decodeImage(readFixtureBytes(image.file), { sampleId: image.name });
    const processed = await processor.process(decoded, image.name);
    expect(processed.inputSize).toEqual([reference.resizedWidth, reference.resizedHeight]);
    expect([processed.grid.t, processed.grid.h, processed.grid.w]).toEqual(reference.grid);
    expect(processed.tokenCount).toBe(reference.tokens);
    expect(processed.rowCount).toBe(reference.rowCount);
    expect(sha256Hex(bytesOf(processed.rows))).toBe(reference.rowsSha256);
  });

  it.each(WITH_REFERENCE.filter((image) => image.qwen?.rowsFile).map((image) => [image.name, image] as const))(
    '%s: patch rows equal the stored reference values',
    async (_name, image) => {
      const expected = loadPatchRowsReference(imageFixture(image.name))!;
      const processor = createQwenProcessor({ minPixels: image.qwen!.minPixels, maxPixels: image.qwen!.maxPixels });
      const processed = await processor.process(await decodeImage(readFixtureBytes(image.file), { sampleId: image.name }), image.name);
      let maxError = 0;
      for (let i = 0; i < expected.length; i++) maxError = Math.max(maxError, Math.abs(processed.rows[i] - expected[i]));
      expect(processed.rows.length).toBe(expected.length);
      expect(maxError).toBeLessThanOrEqual(1e-6);
    },
  );

  it('agrees with every smart_resize case of the reference, errors included', () => {
    for (const fixture of visionFixtures().smartResize) {
      const options = { minPixels: fixture.minPixels, maxPixels: fixture.maxPixels, sampleId: 'case' };
      if (fixture.error) {
        let kind: string | undefined;
        try {
          smartResize(fixture.height, fixture.width, options);
        } catch (error) {
          kind = (error as ImageError).kind;
        }
        expect({ fixture, kind }).toEqual({ fixture, kind: fixture.error });
      } else {
        expect({ fixture, size: smartResize(fixture.height, fixture.width, options) }).toEqual({ fixture, size: [fixture.resizedHeight, fixture.resizedWidth] });
      }
    }
  });

  it('maps a 640x480 image to 644x476 and 391 tokens without touching pixels', () => {
    expect(createQwenProcessor().inputSize([640, 480])).toEqual([644, 476]);
  });

  it('names the sample when an image is too small', async () => {
    const tiny = { data: new Uint8Array(20 * 20 * 3), width: 20, height: 20, channels: 3 as const };
    await expect(createQwenProcessor().process(tiny, 'tiny-1')).rejects.toThrow(/sample "tiny-1".*at least 28/);
  });
});
