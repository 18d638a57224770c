import type { ImageGrid } from './image-input';

export interface WindowLayout {
  /** For each position of the window-ordered sequence of merged units, the unit it takes (HF window_index). */
  readonly windowIndex: Int32Array;
  /** Window boundaries in patches over the window-ordered sequence, from 0 (HF cu_window_seqlens, deduplicated). */
  readonly cuWindowSeqlens: readonly number[];
  /** Image (frame) boundaries in patches, from 0 (HF cu_seqlens): the segments of full attention. */
  readonly cuSeqlens: readonly number[];
}

/**
 * HF `Qwen2_5_VisionTransformerPretrainedModel.get_window_index`: merged units (2x2 patch blocks)
 * are grouped into windows of (window_size / merge / patch)^2 units, scanned window by window in
 * row-major order (edge windows smaller: padded with -100 in HF, then dropped), images one after
 * the other. Empty windows leave repeated boundaries, removed as HF's unique_consecutive does.
 */
export function windowLayout(grids: readonly ImageGrid[], windowSize: number, patchSize: number, mergeSize: number): WindowLayout {
  const side = windowSize / mergeSize / patchSize;
  const unitPatches = mergeSize * mergeSize;
  const windowIndex: number[] = [];
  const cuWindow: number[] = [0];
  const cuSeqlens: number[] = [0];
  let offset = 0;
  for (const { t, h, w } of grids) {
    const gh = h / mergeSize;
    const gw = w / mergeSize;
    for (let frame = 0; frame < t; frame++) {
      for (let wy = 0; wy < Math.ceil(gh / side); wy++) {
        for (let wx = 0; wx < Math.ceil(gw / side); wx++) {
          for (let y = wy * side; y < Math.min((wy + 1) * side, gh); y++) {
            for (let x = wx * side; x < Math.min((wx + 1) * side, gw); x++) windowIndex.push(offset + frame * gh * gw + y * gw + x);
          }
          const end = windowIndex.length * unitPatches;
          if (end !== cuWindow[cuWindow.length - 1]) cuWindow.push(end);
        }
      }
      cuSeqlens.push(cuSeqlens[cuSeqlens.length - 1] + h * w);
    }
    offset += t * gh * gw;
  }
  return { windowIndex: Int32Array.from(windowIndex), cuWindowSeqlens: cuWindow, cuSeqlens };
}

/** The inverse permutation (HF `torch.argsort(window_index)`). */
export function inversePermutation(index: Int32Array): Int32Array {
  const inverse = new Int32Array(index.length);
  index.forEach((to, from) => (inverse[to] = from));
  return inverse;
}
