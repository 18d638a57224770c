import type { Box, Size } from '@mixed-r1/records';

/** A box with finite corners and positive width and height. */
export function isProperBox(box: Box): boolean {
  return box.every(Number.isFinite) && box[2] > box[0] && box[3] > box[1];
}

/**
 * Maps a box from the model-input frame (the resized image Qwen2.5-VL saw and gives absolute
 * coordinates in) to the original image: x scales by width / inputWidth, y by height / inputHeight.
 */
export function inputBoxToOriginal(box: Box, inputSize: Size, originalSize: Size): Box {
  const scaleX = originalSize[0] / inputSize[0];
  const scaleY = originalSize[1] / inputSize[1];
  return [box[0] * scaleX, box[1] * scaleY, box[2] * scaleX, box[3] * scaleY];
}

/** Plain continuous IoU (no +1 pixel convention); 0 when either box is not proper. */
export function intersectionOverUnion(a: Box, b: Box): number {
  if (!isProperBox(a) || !isProperBox(b)) return 0;
  const width = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
  const height = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  const intersection = width > 0 && height > 0 ? width * height : 0;
  const union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - intersection;
  return union > 0 ? intersection / union : 0;
}
