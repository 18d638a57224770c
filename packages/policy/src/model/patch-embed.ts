import * as tf from '@tensorflow/tfjs-core';
import { linearOp } from '../backend/linear-op';
import { times } from './linear';
import type { Weights } from './weights';

/**
 * HF `Qwen2_5_VisionPatchEmbed`: a Conv3d with kernel = stride = (2, 14, 14) and no bias over
 * each patch row viewed as (3, 2, 14, 14), which is a matMul of the [N, 1176] rows with the kernel
 * flattened to [hidden, 1176] (the rows are laid out channel, frame, y, x as the kernel is).
 */
export function patchEmbed(w: Weights, rows: tf.Tensor2D): tf.Tensor2D {
  const name = 'visual.patch_embed.proj.weight';
  if (w.isFrozen) return times(w, rows, name);
  const kernel = w.get(name);
  return linearOp(rows, tf.reshape(kernel, [kernel.shape[0], kernel.size / kernel.shape[0]])) as tf.Tensor2D;
}
