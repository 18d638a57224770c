import * as tf from '@tensorflow/tfjs-core';
import type { KVCache, LayerCache } from './kv-cache';
import { mropeCosSin } from './mrope';
import { times } from './linear';
import { rmsNorm } from './rms-norm';
import type { RopePositions } from './rope-index';
import { swigluMlp } from './swiglu-mlp';
import { headsFirst, textAttention } from './text-attention';
import type { Weights } from './weights';

/** HF `Qwen2_5_VLDecoderLayer`: x + attn(input_layernorm(x)), then + mlp(post_attention_layernorm(x)). */
function decoderLayer(w: Weights, x: tf.Tensor3D, index: number, cos: tf.Tensor4D, sin: tf.Tensor4D, past: LayerCache | null) {
  const prefix = `model.layers.${index}`;
  const eps = w.config.text.rmsNormEps;
  const { out, cache, probabilities } = textAttention(w, rmsNorm(x, w.get(`${prefix}.input_layernorm.weight`), eps) as tf.Tensor3D, `${prefix}.self_attn`, cos, sin, past);
  const attended = tf.add(x, out);
  const mlp = swigluMlp(w, rmsNorm(attended, w.get(`${prefix}.post_attention_layernorm.weight`), eps), `${prefix}.mlp`, false);
  return { x: tf.add(attended, mlp) as tf.Tensor3D, cache, probabilities };
}

/** What `decode` also returns from inside the stack (0-based layer indices). */
export interface DecodeCapture {
  /** The residual stream after this layer, before any norm (HF's `output_hidden_states[k + 1]`). */
  readonly residualAfterLayer?: number;
  /** This layer's attention probabilities [B, heads, T, keys] (HF's `output_attentions[k]`). */
  readonly attentionOfLayer?: number;
}

function checkLayer(name: string, layer: number | undefined, layers: number): void {
  if (layer !== undefined && !(Number.isInteger(layer) && layer >= 0 && layer < layers)) {
    throw new RangeError(`decode: ${name} ${layer} is not a layer of this ${layers}-layer decoder`);
  }
}

/**
 * The decoder stack over input embeddings [B, T, hidden] at M-RoPE `positions` (one per sequence),
 * after `past` cached tokens (or none), then the final norm (HF `Qwen2_5_VLModel.forward`).
 * Returns the normed hidden states and the cache including these tokens, and what `capture` asks
 * for: the residual stream after a layer (what the layers above it read) and a layer's attention
 * probabilities (null when not asked for).
 */
export function decode(
  w: Weights,
  embeds: tf.Tensor3D,
  positions: readonly RopePositions[],
  past: KVCache | null,
  capture: DecodeCapture = {},
): { hidden: tf.Tensor3D; cache: KVCache; captured: tf.Tensor3D | null; attention: tf.Tensor4D | null } {
  const { text } = w.config;
  if (past && past.layers.length !== text.numHiddenLayers) throw new Error(`decode: cache has ${past.layers.length} layers, the model ${text.numHiddenLayers}`);
  checkLayer('residualAfterLayer', capture.residualAfterLayer, text.numHiddenLayers);
  checkLayer('attentionOfLayer', capture.attentionOfLayer, text.numHiddenLayers);
  let captured: tf.Tensor3D | null = null;
  let attention: tf.Tensor4D | null = null;
  const { cos, sin } = mropeCosSin(text, positions);
  let x = embeds;
  const layers: LayerCache[] = [];
  for (let i = 0; i < text.numHiddenLayers; i++) {
    const result = decoderLayer(w, x, i, cos, sin, past ? past.layers[i] : null);
    x = result.x;
    layers.push(result.cache);
    if (i === capture.residualAfterLayer) captured = x;
    if (i === capture.attentionOfLayer) attention = headsFirst(result.probabilities, text.numAttentionHeads);
  }
  const hidden = rmsNorm(x, w.get('model.norm.weight'), text.rmsNormEps) as tf.Tensor3D;
  const nextPosition = Math.max(...positions.map((p) => p.next));
  return { hidden, cache: { layers, length: (past?.length ?? 0) + embeds.shape[1], nextPosition }, captured, attention };
}

/** The LM head on hidden rows [N, hidden]: logits [N, vocab] (tied: the embedding matrix, HF tie_word_embeddings). */
export function lmHead(w: Weights, hidden: tf.Tensor2D): tf.Tensor2D {
  return times(w, hidden, w.config.text.tieWordEmbeddings ? 'model.embed_tokens.weight' : 'lm_head.weight');
}
