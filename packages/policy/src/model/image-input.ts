import type { VisionConfig } from '../config/qwen2-5-vl-config';

/** grid_thw of one image: frames (temporal patches), rows and columns of 14-px patches. */
export interface ImageGrid {
  readonly t: number;
  readonly h: number;
  readonly w: number;
}

/**
 * One preprocessed image as the vision tower takes it: `grid.t * grid.h * grid.w` patch rows of
 * `patchRowLength` (1176) values, the 4 patches of each 2x2 merge block in consecutive rows (what
 * the vision package's Qwen processor produces).
 */
export interface ImageInput {
  readonly rows: Float32Array;
  readonly grid: ImageGrid;
}

/** Image tokens the decoder sees for one image: t * h * w / merge^2. */
export function imageTokenCount(grid: ImageGrid, spatialMergeSize: number): number {
  return (grid.t * grid.h * grid.w) / spatialMergeSize ** 2;
}

/** Checks an image against the vision config; errors name the image's index. */
export function checkImage(image: ImageInput, index: number, vision: VisionConfig): void {
  const { t, h, w } = image.grid;
  const where = `image ${index}`;
  if (![t, h, w].every((d) => Number.isInteger(d) && d > 0)) {
    throw new TypeError(`${where}: grid must be positive whole numbers, found t=${t} h=${h} w=${w}`);
  }
  const merge = vision.spatialMergeSize;
  if (h % merge !== 0 || w % merge !== 0) {
    throw new TypeError(`${where}: grid ${h}x${w} patches must be divisible by spatial_merge_size ${merge}`);
  }
  const expected = t * h * w * vision.patchRowLength;
  if (image.rows.length !== expected) {
    throw new TypeError(`${where}: expected t*h*w*${vision.patchRowLength} = ${expected} values for grid ${t}x${h}x${w}, found ${image.rows.length}`);
  }
}
