import type { Box, Size } from '@mixed-r1/records';

function scaleBox(box: Box, from: Size, to: Size): Box {
  const scaleX = to[0] / from[0];
  const scaleY = to[1] / from[1];
  return [box[0] * scaleX, box[1] * scaleY, box[2] * scaleX, box[3] * scaleY];
}

/**
 * A box in original-image pixels as the model sees it: in the model-input (resized) frame, where
 * Qwen2.5-VL reads and writes absolute coordinates. Used to write grounding targets.
 */
export function originalBoxToInput(box: Box, originalSize: Size, inputSize: Size): Box {
  return scaleBox(box, originalSize, inputSize);
}

/** A box the model gave in its input frame, in original-image pixels (what the IoU reward compares). */
export function inputBoxToOriginalFrame(box: Box, inputSize: Size, originalSize: Size): Box {
  return scaleBox(box, inputSize, originalSize);
}

/** Rounded to whole pixels and clipped to the image: how a box is written in a prompt or answer. */
export function roundBoxInside(box: Box, size: Size): Box {
  const clip = (value: number, limit: number) => Math.min(Math.max(Math.round(value), 0), limit);
  return [clip(box[0], size[0]), clip(box[1], size[1]), clip(box[2], size[0]), clip(box[3], size[1])];
}
