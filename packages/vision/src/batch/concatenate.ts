import type { ProcessedImage } from '../processor';

export interface ConcatenatedRows {
  /** The rows of every image, image after image. */
  readonly rows: Float32Array;
  /** One grid per image, in order (Qwen2.5-VL's `image_grid_thw`). */
  readonly grids: Array<{ t: number; h: number; w: number }>;
}

/**
 * The rows of a batch of images as one array with one grid per image: what the Qwen2.5-VL vision
 * tower takes as `pixel_values` and `image_grid_thw` (as `Qwen2VLImageProcessor` concatenates the
 * patches of a batch). All images must come from the same processor.
 */
export function concatenatePatchRows(processed: readonly ProcessedImage[]): ConcatenatedRows {
  const first = processed[0];
  let total = 0;
  for (const image of processed) {
    if (image.processor !== first.processor || image.rowLength !== first.rowLength) {
      throw new TypeError(
        `concatenatePatchRows: image "${image.sampleId}" has ${image.processor} rows of ${image.rowLength} values, ` +
          `image "${first.sampleId}" ${first.processor} rows of ${first.rowLength}; concatenate one processor's images at a time`,
      );
    }
    total += image.rows.length;
  }
  const rows = new Float32Array(total);
  let offset = 0;
  for (const image of processed) {
    rows.set(image.rows, offset);
    offset += image.rows.length;
  }
  return { rows, grids: processed.map(({ grid }) => ({ t: grid.t, h: grid.h, w: grid.w })) };
}
