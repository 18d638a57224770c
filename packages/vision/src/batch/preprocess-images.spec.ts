import { encodePng } from '../encode/encode-png';
import type { RgbImage } from '../image';
import type { ImageProcessor, ProcessedImage } from '../processor';
import { CLIP_MEAN, CLIP_STD, IMAGENET_MEAN, IMAGENET_STD } from '../normalize';
import { createInternVLProcessor } from '../processors/internvl';
import { createQwenProcessor } from '../processors/qwen2-5-vl';
import { preprocessImages } from './preprocess-images';

function gradient(width: number, height: number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < data.length; i++) data[i] = (i * 7) & 255;
  return { data, width, height, channels: 3 };
}

/** A processor that records what it saw and gives a one-row result. */
function recordingProcessor(seen: string[], fail?: (sampleId: string) => Error | undefined): ImageProcessor {
  return {
    name: 'qwen2_5_vl',
    inputSize: (size) => size,
    async process(image, sampleId): Promise<ProcessedImage> {
      seen.push(sampleId);
      const error = fail?.(sampleId);
      if (error) throw error;
      return {
        sampleId,
        processor: 'qwen2_5_vl',
        rows: Float32Array.of(image.width, image.height),
        rowCount: 1,
        rowLength: 2,
        grid: { t: 1, h: 1, w: 1 },
        inputSize: [image.width, image.height],
        tokenCount: 1,
      };
    },
  };
}

describe('preprocessImages', () => {
  let png56x28: Uint8Array;
  let png20x40: Uint8Array;
  beforeAll(async () => {
    png56x28 = await encodePng(gradient(56, 28));
    png20x40 = await encodePng(gradient(20, 40));
  });

  it('processes the good images in input order and reports each bad one with its reason', async () => {
    const items = [
      { sampleId: 'good-1', source: png56x28 },
      { sampleId: 'truncated', source: png56x28.subarray(0, 60) },
      { sampleId: 'too-small', source: png20x40 },
      { sampleId: 'missing', source: '/nonexistent/folder/image.png' },
      { sampleId: 'good-2', source: png56x28 },
    ];
    const { processed, failures } = await preprocessImages(items, createQwenProcessor(), { concurrency: 2 });
    // 56x28 is under min_pixels 3136: scaled up by sqrt(2) to 84x56, a 4x6 patch grid, 6 tokens.
    expect(processed.map((image) => [image.sampleId, image.inputSize, image.grid, image.tokenCount])).toEqual([
      ['good-1', [84, 56], { t: 1, h: 4, w: 6 }, 6],
      ['good-2', [84, 56], { t: 1, h: 4, w: 6 }, 6],
    ]);
    expect(failures.map(({ sampleId, kind }) => [sampleId, kind])).toEqual([
      ['truncated', 'undecodable'],
      ['too-small', 'too-small'],
      ['missing', 'unreadable'],
    ]);
    for (const failure of failures) expect(failure.message).toContain(`"${failure.sampleId}"`);
  });

  it('rejects images over the pixel limit', async () => {
    const { processed, failures } = await preprocessImages([{ sampleId: 'big', source: png56x28 }], createQwenProcessor(), { limitInputPixels: 1000 });
    expect(processed).toEqual([]);
    expect(failures).toMatchObject([{ sampleId: 'big', kind: 'too-many-pixels' }]);
  });

  it("makes RGBA images RGB as each processor's reference does", async () => {
    // Every pixel (200, 10, 10) and fully transparent; both sizes need no resize.
    const rgba = (side: number) => encodePng({ data: Uint8Array.from({ length: side * side * 4 }, (_, i) => [200, 10, 10, 0][i % 4]), width: side, height: side, channels: 4 });
    const firstValue = async (processor: ImageProcessor, png: Uint8Array, alpha?: 'white' | 'drop') =>
      (await preprocessImages([{ sampleId: 'rgba', source: png }], processor, { alpha })).processed[0].rows[0];
    const qwenPng = await rgba(56);
    const internVLPng = await rgba(448);
    // qwen-vl-utils to_rgb composites on white: red 255.
    expect(await firstValue(createQwenProcessor(), qwenPng)).toBeCloseTo((1 - CLIP_MEAN[0]) / CLIP_STD[0], 5);
    // InternVL's convert('RGB') drops alpha: red 200.
    expect(await firstValue(createInternVLProcessor(), internVLPng)).toBeCloseTo((200 / 255 - IMAGENET_MEAN[0]) / IMAGENET_STD[0], 5);
    expect(await firstValue(createInternVLProcessor(), internVLPng, 'white')).toBeCloseTo((1 - IMAGENET_MEAN[0]) / IMAGENET_STD[0], 5);
  });

  it('reports progress after every image, processed or not', async () => {
    const calls: Array<[number, number]> = [];
    const items = [png56x28, new Uint8Array([1, 2, 3]), png56x28].map((source, i) => ({ sampleId: `s${i}`, source }));
    await preprocessImages(items, recordingProcessor([]), { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('lets any other error through: it is a bug, not a bad image', async () => {
    const items = ['a', 'b', 'c'].map((sampleId) => ({ sampleId, source: png56x28 }));
    const broken = recordingProcessor([], (sampleId) => (sampleId === 'b' ? new TypeError('processor bug') : undefined));
    await expect(preprocessImages(items, broken, { concurrency: 1 })).rejects.toThrow('processor bug');
  });

  it('returns nothing for no images', async () => {
    await expect(preprocessImages([], recordingProcessor([]))).resolves.toEqual({ processed: [], failures: [] });
  });
});
