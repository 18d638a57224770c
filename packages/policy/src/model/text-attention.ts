import * as tf from '@tensorflow/tfjs-core';
import { matMul, transposeLast } from '../backend/mat-mul';
import type { LayerCache } from './kv-cache';
import { linear } from './linear';
import { applyRotary } from './rotary';
import { MASKED } from './segment-attention';
import type { Weights } from './weights';

/**
 * Additive causal mask for T new tokens after `past` cached ones, laid out for grouped queries:
 * [1, 1, groups * T, past + T], row r is query r % T, which sees keys 0 .. past + (r % T).
 */
export function causalMask(length: number, past: number, groups: number): tf.Tensor4D {
  const keys = past + length;
  const mask = new Float32Array(groups * length * keys);
  for (let g = 0; g < groups; g++) {
    for (let i = 0; i < length; i++) mask.fill(MASKED, (g * length + i) * keys + past + i + 1, (g * length + i + 1) * keys);
  }
  return tf.tensor4d(mask, [1, 1, groups * length, keys]);
}

/**
 * HF `Qwen2_5_VLAttention` (Qwen2 attention): q, k, v projections with bias, M-RoPE on q and k,
 * keys and values appended to the layer's cache, grouped-query attention (query head h reads
 * key/value head floor(h / (heads / kvHeads)), HF `repeat_kv`), causal, softmax in float32, o_proj
 * without bias. x: [B, T, hidden]; cos, sin: [B, 1, T, headDim]. Returns the output, the
 * layer's keys and values including the new tokens, and the attention probabilities in the
 * grouped layout [B, kvHeads, groups * T, past + T] (`headsFirst` gives HF's `output_attentions`).
 */
export function textAttention(
  w: Weights,
  x: tf.Tensor3D,
  prefix: string,
  cos: tf.Tensor4D,
  sin: tf.Tensor4D,
  past: LayerCache | null,
): { out: tf.Tensor3D; cache: LayerCache; probabilities: tf.Tensor4D } {
  const { numAttentionHeads: heads, numKeyValueHeads: kvHeads, headDim } = w.config.text;
  const [batch, length] = x.shape;
  const groups = heads / kvHeads;
  const split = (name: string, count: number) =>
    tf.transpose(tf.reshape(linear(w, x, `${prefix}.${name}`, true), [batch, length, count, headDim]), [0, 2, 1, 3]) as tf.Tensor4D;
  const q = applyRotary(split('q_proj', heads), cos, sin);
  let k = applyRotary(split('k_proj', kvHeads), cos, sin) as tf.Tensor4D;
  let v = split('v_proj', kvHeads);
  const pastLength = past ? past.k.shape[2] : 0;
  if (past) {
    k = tf.concat([past.k, k], 2) as tf.Tensor4D;
    v = tf.concat([past.v, v], 2) as tf.Tensor4D;
  }
  // [B, heads, T, D] -> [B, kvHeads, groups * T, D]: the queries sharing a key/value head in one matMul.
  const grouped = tf.reshape(q, [batch, kvHeads, groups * length, headDim]);
  let scores = tf.mul(matMul(grouped, transposeLast(k)), 1 / Math.sqrt(headDim));
  if (length > 1) scores = tf.add(scores, causalMask(length, pastLength, groups));
  const probabilities = tf.softmax(scores);
  const context = matMul(probabilities, v);
  const merged = tf.reshape(tf.transpose(tf.reshape(context, [batch, heads, length, headDim]), [0, 2, 1, 3]), [batch, length, heads * headDim]);
  return { out: linear(w, merged, `${prefix}.o_proj`, false) as tf.Tensor3D, cache: { k, v }, probabilities: probabilities as tf.Tensor4D };
}

/**
 * Grouped attention probabilities [B, kvHeads, groups * T, K] as [B, heads, T, K]: the grouped
 * layout holds query head kvHead * groups + g at rows g * T .. g * T + T - 1 (as the context's reshape reads it).
 */
export function headsFirst(probabilities: tf.Tensor4D, heads: number): tf.Tensor4D {
  const [batch, , rows, keys] = probabilities.shape;
  const length = (rows * probabilities.shape[1]) / heads;
  return tf.reshape(probabilities, [batch, heads, length, keys]);
}
