import * as tf from '@tensorflow/tfjs-core';
import { decode, lmHead, type DecodeCapture } from './decoder';
import { embedInputs } from './embed-inputs';
import type { ImageInput } from './image-input';
import type { KVCache } from './kv-cache';
import { textPositions } from './mrope';
import { ropeIndex } from './rope-index';
import { visionTower } from './vision-tower';
import type { Weights } from './weights';

/** A prompt: token ids with image tokens already expanded, and the images they stand for, in order. */
export interface PromptInput {
  readonly tokenIds: readonly number[];
  readonly images?: readonly ImageInput[];
}

/**
 * Encodes one prompt (batch 1): vision tower, input embeddings with the images spliced in, M-RoPE
 * positions (get_rope_index), decoder. Returns the hidden states [1, T, hidden] and the cache.
 */
export function encodePrompt(w: Weights, prompt: PromptInput): { hidden: tf.Tensor3D; cache: KVCache } {
  const images = prompt.images ?? [];
  if (prompt.tokenIds.length === 0) throw new RangeError('encodePrompt: the prompt has no tokens');
  const positions = ropeIndex(prompt.tokenIds, images.map((im) => im.grid), w.config.tokens, w.config.vision.spatialMergeSize);
  const imageEmbeds = images.length > 0 ? visionTower(w, images) : null;
  const embeds = embedInputs(w, [prompt.tokenIds], imageEmbeds);
  return decode(w, embeds, [positions], null);
}

/**
 * Runs B text continuations of equal length T after a cache of batch B (or 1, repeated by the
 * caller): new tokens only, positions continuing from the cache. Returns hidden states [B, T, hidden].
 */
export function extend(w: Weights, tokenIds: readonly (readonly number[])[], cache: KVCache): { hidden: tf.Tensor3D; cache: KVCache } {
  const length = tokenIds[0]?.length ?? 0;
  if (length === 0) throw new RangeError('extend: no tokens to run');
  const positions = textPositions(cache.nextPosition, length);
  return decode(w, embedInputs(w, tokenIds, null), tokenIds.map(() => positions), cache);
}

/**
 * Runs B whole sequences that share one prompt's images (a group: the prompt followed by each
 * completion so far, all of equal length), with no cache: the vision tower once, its embeddings
 * used by every row. Image placeholders are looked for in the first `promptLength` tokens only.
 * Returns hidden states [B, T, hidden].
 */
export function encodeSequences(w: Weights, tokenIds: readonly (readonly number[])[], images: readonly ImageInput[], promptLength = tokenIds[0]?.length ?? 0): tf.Tensor3D {
  return runSequences(w, tokenIds, images, promptLength).hidden;
}

/**
 * `encodeSequences`, also returning the residual stream [B, T, hidden] after decoder layer
 * `layer` (0-based): e.g. for an auxiliary objective on the image tokens' states.
 */
export function encodeSequencesCapturing(
  w: Weights,
  tokenIds: readonly (readonly number[])[],
  images: readonly ImageInput[],
  promptLength: number,
  layer: number,
): { hidden: tf.Tensor3D; captured: tf.Tensor3D } {
  const { hidden, captured } = runSequences(w, tokenIds, images, promptLength, { residualAfterLayer: layer });
  return { hidden, captured: captured! };
}

/**
 * `encodeSequences`, also returning what `capture` asks for from inside the decoder: the residual
 * stream after a layer and a layer's attention probabilities [B, heads, T, T] (null when not asked).
 */
export function encodeSequencesObserving(
  w: Weights,
  tokenIds: readonly (readonly number[])[],
  images: readonly ImageInput[],
  promptLength: number,
  capture: DecodeCapture,
): { hidden: tf.Tensor3D; captured: tf.Tensor3D | null; attention: tf.Tensor4D | null } {
  const { hidden, captured, attention } = runSequences(w, tokenIds, images, promptLength, capture);
  return { hidden, captured, attention };
}

function runSequences(w: Weights, tokenIds: readonly (readonly number[])[], images: readonly ImageInput[], promptLength: number, capture: DecodeCapture = {}) {
  const grids = images.map((im) => im.grid);
  const positions = tokenIds.map((ids) => ropeIndex(ids, grids, w.config.tokens, w.config.vision.spatialMergeSize, promptLength));
  const imageEmbeds = images.length > 0 ? visionTower(w, images) : null;
  const repeated = imageEmbeds && tokenIds.length > 1 ? (tf.tile(imageEmbeds, [tokenIds.length, 1]) as tf.Tensor2D) : imageEmbeds;
  return decode(w, embedInputs(w, tokenIds, repeated, promptLength), positions, null, capture);
}

/** Logits [T, vocab] of every position of one prompt (no cache kept): the reference forward. */
export function promptLogits(w: Weights, prompt: PromptInput): tf.Tensor2D {
  return tf.tidy(() => {
    const { hidden } = encodePrompt(w, prompt);
    return lmHead(w, tf.squeeze(hidden, [0]) as tf.Tensor2D);
  });
}
