import { parseQwen25VLConfig } from './parse-config';
import type { Qwen25VLConfig } from './qwen2-5-vl-config';

/**
 * The tiny configuration of the Qwen2.5-VL architecture that trains in minutes on two CPU cores:
 * a 4-layer, 128-wide decoder (4 query heads, 2 key/value heads, head_dim 32, M-RoPE sections
 * [4, 6, 6]) and a 2-block, 64-wide vision tower (window attention in block 0, full attention in
 * block 1, 56-pixel windows = 2x2 merged tokens). Its 960-token vocabulary is the project's
 * byte-level BPE tokenizer (data/models/tiny-vlm/tokenizer.json, made by tools/train-tokenizer
 * from the procedural data's text): 256 bytes and 694 merges, then the special and tag tokens,
 * whose ids are set here. (The procedural text is templated: it supports about 700 merges of
 * frequency >= 2, so 960 = 15 * 64 rather than 2048.)
 */
export const TINY_TOKEN_IDS = {
  endoftext: 950,
  imStart: 951,
  imEnd: 952,
  visionStart: 953,
  visionEnd: 954,
  imagePad: 955,
  thinkStart: 956,
  thinkEnd: 957,
  answerStart: 958,
  answerEnd: 959,
} as const;

export const TINY_CONFIG_JSON = {
  model_type: 'qwen2_5_vl',
  vocab_size: 960,
  hidden_size: 128,
  intermediate_size: 384,
  num_hidden_layers: 4,
  num_attention_heads: 4,
  num_key_value_heads: 2,
  rms_norm_eps: 1e-6,
  // A short-context model: 10^4 spreads head_dim 32's frequencies over a few hundred positions.
  rope_theta: 10_000,
  rope_scaling: { type: 'mrope', mrope_section: [4, 6, 6] },
  max_position_embeddings: 2048,
  tie_word_embeddings: true,
  bos_token_id: TINY_TOKEN_IDS.endoftext,
  eos_token_id: [TINY_TOKEN_IDS.imEnd, TINY_TOKEN_IDS.endoftext],
  image_token_id: TINY_TOKEN_IDS.imagePad,
  vision_start_token_id: TINY_TOKEN_IDS.visionStart,
  vision_end_token_id: TINY_TOKEN_IDS.visionEnd,
  vision_config: {
    depth: 2,
    hidden_size: 64,
    intermediate_size: 128,
    num_heads: 4,
    in_chans: 3,
    patch_size: 14,
    spatial_merge_size: 2,
    temporal_patch_size: 2,
    window_size: 56,
    fullatt_block_indexes: [1],
    out_hidden_size: 128,
    tokens_per_second: 2,
  },
} as const;

export function tinyConfig(): Qwen25VLConfig {
  return parseQwen25VLConfig(TINY_CONFIG_JSON, 'tiny config');
}
