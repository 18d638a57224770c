import type { Size } from '@mixed-r1/records';
import type { RgbImage } from './image';

export const PROCESSOR_NAMES = ['qwen2_5_vl', 'internvl'] as const;
export type ProcessorName = (typeof PROCESSOR_NAMES)[number];

/** A preprocessed image: the model's input rows and how they tile the image. */
export interface ProcessedImage {
  readonly sampleId: string;
  readonly processor: ProcessorName;
  /** rowCount * rowLength float32 values, row-major. */
  readonly rows: Float32Array;
  readonly rowCount: number;
  /** 1176 for a Qwen2.5-VL patch row; 3 * 448 * 448 for an InternVL tile. */
  readonly rowLength: number;
  /** Qwen2.5-VL: grid_thw in 14-px patches. InternVL: 1 x tile rows x tile columns (thumbnail not counted). */
  readonly grid: { readonly t: number; readonly h: number; readonly w: number };
  /** The model-input frame [width, height]: the resized image the model sees. */
  readonly inputSize: Size;
  /** Image tokens the language model sees for this image. */
  readonly tokenCount: number;
}

/**
 * One image preprocessing scheme (a model family). `process` is the whole path from RGB pixels
 * to input rows; `inputSize` is the model-input frame of an image of the given size, without
 * touching pixels (boxes are mapped with it).
 */
export interface ImageProcessor {
  readonly name: ProcessorName;
  inputSize(originalSize: Size, sampleId?: string): Size;
  process(image: RgbImage, sampleId: string): Promise<ProcessedImage>;
}
