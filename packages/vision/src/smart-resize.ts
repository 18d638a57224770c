import { ImageError } from './errors';

/** Qwen2.5-VL's preprocessor_config.json: min_pixels 56*56, max_pixels 28*28*16384. */
export const QWEN_MIN_PIXELS = 3136;
export const QWEN_MAX_PIXELS = 12845056;
/** patch_size 14 * merge_size 2. */
export const QWEN_FACTOR = 28;
export const MAX_ASPECT_RATIO = 200;

export interface SmartResizeOptions {
  readonly factor?: number;
  readonly minPixels?: number;
  readonly maxPixels?: number;
  /** Names the image in errors. */
  readonly sampleId?: string;
}

/** Python's round(): halves go to the even neighbour (banker's rounding). */
export function roundHalfToEven(value: number): number {
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (fraction > 0.5) return floor + 1;
  if (fraction < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/**
 * Hugging Face `smart_resize` (transformers `models/qwen2_vl/image_processing_qwen2_vl.py`):
 * the size [height, width] closest to the original with both sides multiples of `factor` and the
 * area within [minPixels, maxPixels]; the aspect ratio is kept within one factor step.
 */
export function smartResize(height: number, width: number, options: SmartResizeOptions = {}): [number, number] {
  const factor = options.factor ?? QWEN_FACTOR;
  const minPixels = options.minPixels ?? QWEN_MIN_PIXELS;
  const maxPixels = options.maxPixels ?? QWEN_MAX_PIXELS;
  const sampleId = options.sampleId ?? 'unnamed';
  if (height < factor || width < factor) {
    throw new ImageError('too-small', sampleId, `height ${height} and width ${width} must both be at least ${factor} px`);
  }
  if (Math.max(height, width) / Math.min(height, width) > MAX_ASPECT_RATIO) {
    throw new ImageError(
      'aspect-ratio',
      sampleId,
      `aspect ratio ${(Math.max(height, width) / Math.min(height, width)).toFixed(1)} (${width}x${height}) is over ${MAX_ASPECT_RATIO}`,
    );
  }
  let resizedHeight = roundHalfToEven(height / factor) * factor;
  let resizedWidth = roundHalfToEven(width / factor) * factor;
  if (resizedHeight * resizedWidth > maxPixels) {
    const beta = Math.sqrt((height * width) / maxPixels);
    resizedHeight = Math.floor(height / beta / factor) * factor;
    resizedWidth = Math.floor(width / beta / factor) * factor;
  } else if (resizedHeight * resizedWidth < minPixels) {
    const beta = Math.sqrt(minPixels / (height * width));
    resizedHeight = Math.ceil((height * beta) / factor) * factor;
    resizedWidth = Math.ceil((width * beta) / factor) * factor;
  }
  return [resizedHeight, resizedWidth];
}
