import { encodePng } from '../encode/encode-png';
import type { RgbImage } from '../image';
import { createProcessor } from '../processors/registry';
import { preprocessImages, type PreprocessResult } from './preprocess-images';
import { preprocessImagesInWorkers } from './worker-pool';

function pattern(width: number, height: number, seed: number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < data.length; i++) data[i] = (i * 29 + seed * 71 + (i >> 5)) & 255;
  return { data, width, height, channels: 3 };
}

// Worker threads load the TypeScript sources on start: allow for it on a busy machine.
jest.setTimeout(60_000);

describe('preprocessImagesInWorkers', () => {
  let items: Array<{ sampleId: string; source: Uint8Array }>;
  beforeAll(async () => {
    const sizes = [[90, 60], [64, 64], [120, 40], [30, 90], [77, 55]];
    items = await Promise.all(sizes.map(async ([width, height], i) => ({ sampleId: `image-${i}`, source: await encodePng(pattern(width, height, i)) })));
    items.splice(2, 0, { sampleId: 'corrupt', source: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) });
  });

  it.each(['qwen2_5_vl', 'internvl'] as const)('gives the same %s result as in-process preprocessing, failures included', async (name) => {
    const options = name === 'internvl' ? { maxTiles: 2 } : {};
    const progress: number[] = [];
    const inWorkers = await preprocessImagesInWorkers(items, { name, options }, { workers: 2, concurrency: 3, onProgress: (done) => progress.push(done) });
    const inProcess = await preprocessImages(items, createProcessor(name, options));
    // Rows compared as bytes: a deep equality of millions of floats is slow.
    const summary = ({ processed, failures }: PreprocessResult) => ({
      processed: processed.map(({ rows, ...rest }) => ({ ...rest, rows: Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength).toString('base64') })),
      failures,
    });
    expect(summary(inWorkers)).toEqual(summary(inProcess));
    expect(inWorkers.processed[0].rows).toBeInstanceOf(Float32Array);
    expect(inWorkers.failures.map(({ sampleId, kind }) => [sampleId, kind])).toEqual([['corrupt', 'undecodable']]);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('finishes without a progress callback, with more workers than images', async () => {
    const { processed, failures } = await preprocessImagesInWorkers(items.slice(0, 2), { name: 'qwen2_5_vl' }, { workers: 4 });
    expect([processed.map((image) => image.sampleId), failures]).toEqual([['image-0', 'image-1'], []]);
  });

  it('throws an error that is not a bad image, from inside a worker', async () => {
    await expect(preprocessImagesInWorkers(items, { name: 'qwen2_5_vl' }, { workers: 1, limitInputPixels: -1 })).rejects.toThrow(
      /limitInputPixels: expected a whole number of pixels >= 1, found -1/,
    );
  });

  it('checks the processor and its settings before starting any worker', async () => {
    await expect(preprocessImagesInWorkers(items, { name: 'qwen2_5_vl', options: { maxTiles: 3 } })).rejects.toThrow(
      'image processor "qwen2_5_vl": unknown setting "maxTiles"',
    );
    await expect(preprocessImagesInWorkers(items, { name: 'internvl' }, { workers: 0 })).rejects.toThrow('workers must be a whole number >= 1, found 0');
  });

  it('returns nothing for no images', async () => {
    await expect(preprocessImagesInWorkers([], { name: 'internvl' })).resolves.toEqual({ processed: [], failures: [] });
  });
});
