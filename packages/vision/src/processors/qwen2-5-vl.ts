import type { Size } from '@mixed-r1/records';
import type { RgbImage } from '../image';
import { CLIP_MEAN, CLIP_STD, normalisationTables } from '../normalize';
import type { ImageProcessor, ProcessedImage } from '../processor';
import { PATCH_ROW_LENGTH, patchify, tokenCount } from '../qwen/patchify';
import { resamplerNamed, type ResamplerName } from '../resample';
import { QWEN_FACTOR, QWEN_MAX_PIXELS, QWEN_MIN_PIXELS, smartResize } from '../smart-resize';

export interface QwenProcessorOptions {
  readonly minPixels: number;
  readonly maxPixels: number;
  /** 'pil': bit-exact with Pillow's BICUBIC (default); 'sharp': faster, not bit-exact. */
  readonly resample: ResamplerName;
}

export const DEFAULT_QWEN_OPTIONS: QwenProcessorOptions = { minPixels: QWEN_MIN_PIXELS, maxPixels: QWEN_MAX_PIXELS, resample: 'pil' };

const CLIP_TABLES = normalisationTables(CLIP_MEAN, CLIP_STD);

/**
 * Qwen2.5-VL preprocessing, as transformers' `Qwen2VLImageProcessor` (PIL path): smart_resize,
 * bicubic resize, rescale and CLIP normalisation, two frames, 14-px patches in 2x2 merge order.
 */
export function createQwenProcessor(options: Partial<QwenProcessorOptions> = {}): ImageProcessor {
  const settings = { ...DEFAULT_QWEN_OPTIONS, ...options };
  const resample = resamplerNamed(settings.resample);
  const inputSize = (originalSize: Size, sampleId?: string): Size => {
    const [height, width] = smartResize(originalSize[1], originalSize[0], {
      factor: QWEN_FACTOR,
      minPixels: settings.minPixels,
      maxPixels: settings.maxPixels,
      sampleId,
    });
    return [width, height];
  };
  return {
    name: 'qwen2_5_vl',
    inputSize,
    async process(image: RgbImage, sampleId: string): Promise<ProcessedImage> {
      const [width, height] = inputSize([image.width, image.height], sampleId);
      const resized = await resample(image, width, height);
      const { rows, rowCount, grid } = patchify(resized, CLIP_TABLES);
      return { sampleId, processor: 'qwen2_5_vl', rows, rowCount, rowLength: PATCH_ROW_LENGTH, grid, inputSize: [width, height], tokenCount: tokenCount(grid) };
    },
  };
}
