import * as tf from '@tensorflow/tfjs-core';
import type { Weights } from './weights';

/**
 * Input embeddings [B, T, hidden] of token ids (B rows of equal length T). With `imageEmbeds`, the
 * image tokens among the first `promptLength` of each row take its rows, in order (HF
 * `get_placeholder_mask` + `masked_scatter`), as one gather from [token embeddings; image
 * embeddings] so gradients reach both. Without, image tokens are ordinary tokens (decoding).
 */
export function embedInputs(
  w: Weights,
  inputIds: readonly (readonly number[])[],
  imageEmbeds: tf.Tensor2D | null,
  promptLength = inputIds[0]?.length ?? 0,
): tf.Tensor3D {
  const { text, tokens } = w.config;
  const batch = inputIds.length;
  const length = inputIds[0]?.length ?? 0;
  const flat = new Int32Array(batch * length);
  inputIds.forEach((row, b) => {
    if (row.length !== length) throw new RangeError(`embedInputs: row ${b} has ${row.length} tokens, row 0 has ${length}`);
    row.forEach((id, i) => {
      if (!Number.isInteger(id) || id < 0 || id >= text.vocabSize) {
        throw new RangeError(`embedInputs: token id ${id} at row ${b}, position ${i} is outside the vocabulary (0..${text.vocabSize - 1})`);
      }
      flat[b * length + i] = id;
    });
  });
  const embeddings = tf.gather(w.get('model.embed_tokens.weight'), tf.tensor1d(flat, 'int32'));
  if (!imageEmbeds) return tf.reshape(embeddings, [batch, length, text.hiddenSize]);
  const isSlot = (id: number, i: number) => id === tokens.imageTokenId && i % length < promptLength;
  const imageSlots = flat.reduce((n, id, i) => n + (isSlot(id, i) ? 1 : 0), 0);
  if (imageSlots !== imageEmbeds.shape[0]) {
    throw new RangeError(`embedInputs: ${imageSlots} image tokens (id ${tokens.imageTokenId}) in the prompt but ${imageEmbeds.shape[0]} image embeddings`);
  }
  const source = new Int32Array(flat.length);
  let next = flat.length;
  flat.forEach((id, i) => (source[i] = isSlot(id, i) ? next++ : i));
  const combined = tf.gather(tf.concat([embeddings, imageEmbeds], 0), tf.tensor1d(source, 'int32'));
  return tf.reshape(combined, [batch, length, text.hiddenSize]);
}
