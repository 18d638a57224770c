import type { SpecialTokenIds } from '../config/qwen2-5-vl-config';
import type { ImageGrid } from './image-input';

/** M-RoPE position ids of one sequence: three rows (temporal, height, width) of T ids. */
export interface RopePositions {
  readonly temporal: Int32Array;
  readonly height: Int32Array;
  readonly width: Int32Array;
  /** The position of the next token (max over all ids + 1); generation continues from it. */
  readonly next: number;
}

function fill(into: Int32Array[], at: number, count: number, start: number): void {
  for (const row of into) for (let i = 0; i < count; i++) row[at + i] = start + i;
}

/**
 * HF `Qwen2_5_VLForConditionalGeneration.get_rope_index` for one unpadded sequence with still
 * images: text tokens count up on all three axes; the tokens of an image (a run of image tokens,
 * t * (h/2) * (w/2) of them, taken in order from `grids`) sit at the next text position plus
 * (0, row, column) of the merged grid (temporal offset 0 for images: second_per_grid_t = 0); the
 * text after an image resumes at the largest id so far + 1. Only the first `promptLength` tokens
 * hold image placeholders; an image token after them (a generated one) is ordinary text, as in HF
 * decoding, where image features are only scattered into the prompt.
 */
export function ropeIndex(
  inputIds: readonly number[],
  grids: readonly ImageGrid[],
  tokens: SpecialTokenIds,
  mergeSize: number,
  promptLength = inputIds.length,
): RopePositions {
  const n = inputIds.length;
  const prompt = inputIds.slice(0, promptLength);
  const rows = [new Int32Array(n), new Int32Array(n), new Int32Array(n)];
  const [temporal, height, width] = rows;
  let cursor = 0;
  let nextStart = 0;
  grids.forEach((grid, imageIndex) => {
    const at = prompt.indexOf(tokens.imageTokenId, cursor);
    if (at < 0) throw new RangeError(`ropeIndex: image ${imageIndex} has no image token (${tokens.imageTokenId}) left in the sequence`);
    fill(rows, cursor, at - cursor, nextStart);
    const base = nextStart + (at - cursor);
    const gh = grid.h / mergeSize;
    const gw = grid.w / mergeSize;
    const count = grid.t * gh * gw;
    for (let i = 0; i < count; i++) {
      if (prompt[at + i] !== tokens.imageTokenId) {
        throw new RangeError(`ropeIndex: image ${imageIndex} needs ${count} image tokens from position ${at}, the run ends after ${i}`);
      }
      const within = i % (gh * gw);
      temporal[at + i] = base;
      height[at + i] = base + Math.floor(within / gw);
      width[at + i] = base + (within % gw);
    }
    nextStart = base + Math.max(gh, gw, 1);
    cursor = at + count;
  });
  const stray = prompt.indexOf(tokens.imageTokenId, cursor);
  if (stray >= 0) throw new RangeError(`ropeIndex: image token at position ${stray} has no image (${grids.length} given)`);
  fill(rows, cursor, n - cursor, nextStart);
  const next = n > cursor ? nextStart + (n - cursor) : nextStart;
  return { temporal, height, width, next };
}
