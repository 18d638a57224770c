import type { RgbImage } from '../image';

/** Qwen2.5-VL's vision config: 14-px patches, 2x2 merge, 2 frames per temporal patch. */
export const PATCH_SIZE = 14;
export const MERGE_SIZE = 2;
export const TEMPORAL_PATCH_SIZE = 2;
export const CHANNELS = 3;
/** 3 * 2 * 14 * 14 values per patch row. */
export const PATCH_ROW_LENGTH = CHANNELS * TEMPORAL_PATCH_SIZE * PATCH_SIZE * PATCH_SIZE;

export interface PatchGrid {
  /** grid_thw: temporal, height and width in patches. */
  readonly t: number;
  readonly h: number;
  readonly w: number;
}

export interface PatchRows {
  readonly rows: Float32Array;
  readonly rowCount: number;
  readonly grid: PatchGrid;
}

/**
 * Patch rows of a resized image, as `Qwen2VLImageProcessor._preprocess` makes them: the normalised
 * CHW image repeated as 2 frames, reshaped to (t, 2, 3, gh/2, 2, 14, gw/2, 2, 14) and permuted by
 * (0, 3, 6, 4, 7, 2, 1, 5, 8) into rows of 3*2*14*14 values, the 4 patches of each 2x2 merge block
 * in consecutive rows. `tables[c][v]` is the normalised value of uint8 v in channel c.
 *
 * The image is read once in memory order; each pixel's 3 values go to both frames of its patch
 * row. Values move as their float32 bit patterns (Uint32), which is exact and avoids conversions.
 */
export function patchify(image: RgbImage, tables: readonly Float32Array[]): PatchRows {
  const unit = PATCH_SIZE * MERGE_SIZE;
  if (image.width % unit !== 0 || image.height % unit !== 0) {
    throw new RangeError(`patchify: image ${image.width}x${image.height} must have both sides divisible by ${unit}`);
  }
  const grid: PatchGrid = { t: 1, h: image.height / PATCH_SIZE, w: image.width / PATCH_SIZE };
  const rowCount = grid.t * grid.h * grid.w;
  const values = new Float32Array(rowCount * PATCH_ROW_LENGTH);
  const bits = new Uint32Array(values.buffer);
  const [red, green, blue] = tables.map((table) => new Uint32Array(table.buffer, table.byteOffset, table.length));
  const plane = PATCH_SIZE * PATCH_SIZE; // one frame of one channel in a row
  const blocksPerRow = grid.w / MERGE_SIZE;
  const { data } = image;
  let source = 0;
  for (let y = 0; y < image.height; y++) {
    const patchY = Math.floor(y / PATCH_SIZE);
    const blockY = patchY >> 1;
    const mergeY = patchY & 1;
    const lineInPatch = (y % PATCH_SIZE) * PATCH_SIZE;
    for (let patchX = 0; patchX < grid.w; patchX++) {
      const row = ((blockY * blocksPerRow + (patchX >> 1)) << 2) + (mergeY << 1) + (patchX & 1);
      let target = row * PATCH_ROW_LENGTH + lineInPatch;
      const end = target + PATCH_SIZE;
      for (; target < end; target++, source += CHANNELS) {
        const r = red[data[source]];
        const g = green[data[source + 1]];
        const b = blue[data[source + 2]];
        // Layout of a row: channel, frame, y, x (frames identical for a still image).
        bits[target] = r;
        bits[target + plane] = r;
        bits[target + 2 * plane] = g;
        bits[target + 3 * plane] = g;
        bits[target + 4 * plane] = b;
        bits[target + 5 * plane] = b;
      }
    }
  }
  return { rows: values, rowCount, grid };
}

/** Image tokens after the 2x2 merge: gh * gw / 4 (times t). */
export function tokenCount(grid: PatchGrid): number {
  return (grid.t * grid.h * grid.w) / (MERGE_SIZE * MERGE_SIZE);
}
