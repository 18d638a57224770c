import * as tf from '@tensorflow/tfjs-core';
import type { KVCache, LayerCache } from './kv-cache';
import { mropeCosSin } from './mrope';
import { times } from './linear';
import { rmsNorm } from './rms-norm';
import type { RopePositions } from './rope-index';
import { swigluMlp } from './swiglu-mlp';
import { textAttention } from './text-attention';
import type { Weights } from './weights';

/** HF `Qwen2_5_VLDecoderLayer`: x + attn(input_layernorm(x)), then + mlp(post_attention_layernorm(x)). */
function decoderLayer(w: Weights, x: tf.Tensor3D, index: number, cos: tf.Tensor4D, sin: tf.Tensor4D, past: LayerCache | null) {
  const prefix = `model.layers.${index}`;
  const eps = w.config.text.rmsNormEps;
  const { out, cache } = textAttention(w, rmsNorm(x, w.get(`${prefix}.input_layernorm.weight`), eps) as tf.Tensor3D, `${prefix}.self_attn`, cos, sin, past);
  const attended = tf.add(x, out);
  const mlp = swigluMlp(w, rmsNorm(attended, w.get(`${prefix}.post_attention_layernorm.weight`), eps), `${prefix}.mlp`, false);
  return { x: tf.add(attended, mlp) as tf.Tensor3D, cache };
}

/**
 * The decoder stack over input embeddings [B, T, hidden] at M-RoPE `positions` (one per sequence),
 * after `past` cached tokens (or none), then the final norm (HF `Qwen2_5_VLModel.forward`).
 * Returns the normed hidden states and the cache including these tokens; with `captureAfterLayer`
 * = k, also the residual stream after layer k (0-based, before any norm: HF's
 * `output_hidden_states[k + 1]`), what the layers above it read.
 */
export function decode(
  w: Weights,
  embeds: tf.Tensor3D,
  positions: readonly RopePositions[],
  past: KVCache | null,
  captureAfterLayer?: number,
): { hidden: tf.Tensor3D; cache: KVCache; captured: tf.Tensor3D | null } {
  const { text } = w.config;
  if (past && past.layers.length !== text.numHiddenLayers) throw new Error(`decode: cache has ${past.layers.length} layers, the model ${text.numHiddenLayers}`);
  if (captureAfterLayer !== undefined && !(Number.isInteger(captureAfterLayer) && captureAfterLayer >= 0 && captureAfterLayer < text.numHiddenLayers)) {
    throw new RangeError(`decode: captureAfterLayer ${captureAfterLayer} is not a layer of this ${text.numHiddenLayers}-layer decoder`);
  }
  let captured: tf.Tensor3D | null = null;
  const { cos, sin } = mropeCosSin(text, positions);
  let x = embeds;
  const layers: LayerCache[] = [];
  for (let i = 0; i < text.numHiddenLayers; i++) {
    const result = decoderLayer(w, x, i, cos, sin, past ? past.layers[i] : null);
    x = result.x;
    layers.push(result.cache);
    if (i === captureAfterLayer) captured = x;
  }
  const hidden = rmsNorm(x, w.get('model.norm.weight'), text.rmsNormEps) as tf.Tensor3D;
  const nextPosition = Math.max(...positions.map((p) => p.next));
  return { hidden, cache: { layers, length: (past?.length ?? 0) + embeds.shape[1], nextPosition }, captured };
}

/** The LM head on hidden rows [N, hidden]: logits [N, vocab] (tied: the embedding matrix, HF tie_word_embeddings). */
export function lmHead(w: Weights, hidden: tf.Tensor2D): tf.Tensor2D {
  return times(w, hidden, w.config.text.tieWordEmbeddings ? 'model.embed_tokens.weight' : 'lm_head.weight');
}
