import type { Size } from '@mixed-r1/records';
import type { ImageProcessor } from '@mixed-r1/vision';

/**
 * The frame predicted boxes are written in. `input`: the model-input (resized) image, as Qwen2.5-VL
 * writes absolute coordinates of what it saw and as this project's policy is trained (the IoU
 * reward's mapping); `original`: original-image pixels (engines that map boxes back themselves).
 */
export const BOX_FRAMES = ['input', 'original'] as const;
export type BoxFrame = (typeof BOX_FRAMES)[number];

export function isBoxFrame(value: unknown): value is BoxFrame {
  return (BOX_FRAMES as readonly unknown[]).includes(value);
}

/** The model-input size that predicted boxes are read in: the processor's resize, or the original size. */
export function boxFrameSize(frame: BoxFrame, imageSize: Size, processor: ImageProcessor, sampleId: string): Size {
  return frame === 'input' ? processor.inputSize(imageSize, sampleId) : imageSize;
}
