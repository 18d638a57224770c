import type { Qwen25VLConfig } from './qwen2-5-vl-config';

/**
 * `config` as a Hugging Face `config.json` in the original Qwen2.5-VL layout (text fields at the
 * top level, `vision_config` nested), as the checkpoints on the Hub have it; parseQwen25VLConfig
 * reads it back to an equal config.
 */
export function toHfConfigJson(config: Qwen25VLConfig): Record<string, unknown> {
  const { text, vision, tokens } = config;
  return {
    architectures: ['Qwen2_5_VLForConditionalGeneration'],
    model_type: 'qwen2_5_vl',
    torch_dtype: 'float32',
    hidden_act: 'silu',
    vocab_size: text.vocabSize,
    hidden_size: text.hiddenSize,
    intermediate_size: text.intermediateSize,
    num_hidden_layers: text.numHiddenLayers,
    num_attention_heads: text.numAttentionHeads,
    num_key_value_heads: text.numKeyValueHeads,
    rms_norm_eps: text.rmsNormEps,
    rope_theta: text.ropeTheta,
    rope_scaling: { type: 'mrope', mrope_section: [...text.mropeSection] },
    max_position_embeddings: text.maxPositionEmbeddings,
    tie_word_embeddings: text.tieWordEmbeddings,
    use_sliding_window: false,
    ...(tokens.bosTokenId === null ? {} : { bos_token_id: tokens.bosTokenId }),
    eos_token_id: tokens.eosTokenIds.length === 1 ? tokens.eosTokenIds[0] : [...tokens.eosTokenIds],
    image_token_id: tokens.imageTokenId,
    ...(tokens.videoTokenId === null ? {} : { video_token_id: tokens.videoTokenId }),
    vision_start_token_id: tokens.visionStartTokenId,
    vision_end_token_id: tokens.visionEndTokenId,
    vision_config: {
      model_type: 'qwen2_5_vl',
      hidden_act: 'silu',
      depth: vision.depth,
      hidden_size: vision.hiddenSize,
      intermediate_size: vision.intermediateSize,
      num_heads: vision.numHeads,
      in_chans: vision.inChannels,
      patch_size: vision.patchSize,
      spatial_patch_size: vision.patchSize,
      spatial_merge_size: vision.spatialMergeSize,
      temporal_patch_size: vision.temporalPatchSize,
      window_size: vision.windowSize,
      fullatt_block_indexes: [...vision.fullattBlockIndexes],
      out_hidden_size: vision.outHiddenSize,
      tokens_per_second: vision.tokensPerSecond,
    },
  };
}
