import type { ImageGrid } from './image-input';

/**
 * Angles of the vision tower's 2D rotary embedding, one row of headDim/2 per patch in patch-row
 * order (HF `Qwen2_5_VisionTransformerPretrainedModel.rot_pos_emb` with `VisionRotaryEmbedding`
 * (dim = headDim/2, theta 10000)): the first headDim/4 angles are the patch's row times the
 * frequencies 1 / 10000^(2j / (headDim/2)), the next headDim/4 its column times the same. Rows
 * follow the 2x2 merge-block order of the patch rows. float32 as torch computes them.
 */
export function visionRotaryAngles(grids: readonly ImageGrid[], headDim: number, mergeSize: number, theta = 10000): Float32Array {
  const dim = headDim / 2;
  const freqCount = dim / 2;
  const invFreq = Array.from({ length: freqCount }, (_, j) => Math.fround(1 / Math.fround(theta ** Math.fround((2 * j) / dim))));
  const patches = grids.reduce((n, g) => n + g.t * g.h * g.w, 0);
  const angles = new Float32Array(patches * dim);
  let row = 0;
  for (const { t, h, w } of grids) {
    for (let frame = 0; frame < t; frame++) {
      for (let blockY = 0; blockY < h / mergeSize; blockY++) {
        for (let blockX = 0; blockX < w / mergeSize; blockX++) {
          for (let dy = 0; dy < mergeSize; dy++) {
            for (let dx = 0; dx < mergeSize; dx++, row++) {
              const y = blockY * mergeSize + dy;
              const x = blockX * mergeSize + dx;
              for (let j = 0; j < freqCount; j++) {
                angles[row * dim + j] = Math.fround(y * invFreq[j]);
                angles[row * dim + freqCount + j] = Math.fround(x * invFreq[j]);
              }
            }
          }
        }
      }
    }
  }
  return angles;
}
