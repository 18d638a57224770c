import * as tf from '@tensorflow/tfjs-core';
import { checkImage, type ImageInput } from './image-input';
import { patchEmbed } from './patch-embed';
import { patchMerger } from './patch-merger';
import { visionBlock } from './vision-block';
import { visionRotaryAngles } from './vision-rotary';
import { inversePermutation, windowLayout } from './window-index';
import type { Weights } from './weights';

/** Rows of `table` (row length `width`) taken in the order of merged-unit `index` (4 rows per unit). */
function permuteUnits(table: Float32Array, width: number, index: Int32Array, unitRows: number): Float32Array {
  const out = new Float32Array(table.length);
  const unitLength = unitRows * width;
  index.forEach((from, to) => out.set(table.subarray(from * unitLength, (from + 1) * unitLength), to * unitLength));
  return out;
}

/** cos and sin [N, 1, headDim] of the angles (each angle twice: HF's cat((emb, emb), -1)). */
function cosSin(angles: Float32Array, rows: number, half: number): [tf.Tensor3D, tf.Tensor3D] {
  const cos = new Float32Array(rows * half * 2);
  const sin = new Float32Array(rows * half * 2);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < half; j++) {
      const a = angles[r * half + j];
      const c = Math.cos(a);
      const s = Math.sin(a);
      cos[r * 2 * half + j] = cos[r * 2 * half + half + j] = c;
      sin[r * 2 * half + j] = sin[r * 2 * half + half + j] = s;
    }
  }
  return [tf.tensor3d(cos, [rows, 1, 2 * half]), tf.tensor3d(sin, [rows, 1, 2 * half])];
}

/**
 * HF `Qwen2_5_VisionTransformerPretrainedModel.forward` for still images: patch embedding, tokens
 * reordered into attention windows (get_window_index), the blocks (window attention, or whole-image
 * attention at fullatt_block_indexes), the 2x2 merger, and the original order restored. Returns
 * [sum of image tokens, out_hidden_size]: each image's tokens in merge-block order, images in order.
 */
export function visionTower(w: Weights, images: readonly ImageInput[]): tf.Tensor2D {
  const { vision } = w.config;
  images.forEach((image, i) => checkImage(image, i, vision));
  const grids = images.map((im) => im.grid);
  const patches = grids.reduce((n, g) => n + g.t * g.h * g.w, 0);
  const unitRows = vision.spatialMergeSize ** 2;
  const layout = windowLayout(grids, vision.windowSize, vision.patchSize, vision.spatialMergeSize);

  const rows = new Float32Array(patches * vision.patchRowLength);
  let offset = 0;
  for (const image of images) {
    rows.set(image.rows, offset);
    offset += image.rows.length;
  }
  const embedded = patchEmbed(w, tf.tensor2d(rows, [patches, vision.patchRowLength]));
  const windowIndex = tf.tensor1d(layout.windowIndex, 'int32');
  const byUnit = tf.reshape(embedded, [patches / unitRows, unitRows * vision.hiddenSize]);
  let x = tf.reshape(tf.gather(byUnit, windowIndex), [patches, vision.hiddenSize]) as tf.Tensor2D;

  const half = vision.headDim / 2;
  const angles = permuteUnits(visionRotaryAngles(grids, vision.headDim, vision.spatialMergeSize), half, layout.windowIndex, unitRows);
  const [cos, sin] = cosSin(angles, patches, half);

  for (let i = 0; i < vision.depth; i++) {
    const boundaries = vision.fullattBlockIndexes.includes(i) ? layout.cuSeqlens : layout.cuWindowSeqlens;
    x = visionBlock(w, x, i, cos, sin, boundaries);
  }
  const merged = patchMerger(w, x);
  return tf.gather(merged, tf.tensor1d(inversePermutation(layout.windowIndex), 'int32')) as tf.Tensor2D;
}
