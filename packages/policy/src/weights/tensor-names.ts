/**
 * Tensor names of Qwen2.5-VL checkpoints. The original checkpoints name the vision tower `visual.*`
 * and the decoder `model.*`; transformers >= 4.52 saves them as `model.visual.*` and
 * `model.language_model.*` (its `_checkpoint_conversion_mapping`). The policy keeps and saves the
 * original names and reads both.
 */
const RENAMES: readonly (readonly [string, string])[] = [
  ['model.language_model.', 'model.'],
  ['model.visual.', 'visual.'],
];

/** The original-layout name of a checkpoint tensor name in either layout. */
export function toOriginalName(name: string): string {
  for (const [from, to] of RENAMES) if (name.startsWith(from)) return to + name.slice(from.length);
  return name;
}

/**
 * Tensors a checkpoint may hold that are not parameters: rotary frequency buffers of older exports,
 * and the LM head of a checkpoint whose config ties it to the embeddings.
 */
export function isIgnorable(originalName: string, tiedEmbeddings: boolean): boolean {
  return originalName.endsWith('.rotary_emb.inv_freq') || (tiedEmbeddings && originalName === 'lm_head.weight');
}
