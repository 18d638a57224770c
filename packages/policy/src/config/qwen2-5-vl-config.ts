/**
 * The Qwen2.5-VL architecture's settings, read from a Hugging Face `config.json`
 * (transformers `Qwen2_5_VLConfig`, `Qwen2_5_VLTextConfig`, `Qwen2_5_VLVisionConfig`), with the
 * values derived from them. Frozen once parsed.
 */

/** The Qwen2 decoder. */
export interface TextConfig {
  readonly vocabSize: number;
  readonly hiddenSize: number;
  readonly intermediateSize: number;
  readonly numHiddenLayers: number;
  readonly numAttentionHeads: number;
  readonly numKeyValueHeads: number;
  /** hiddenSize / numAttentionHeads. */
  readonly headDim: number;
  readonly rmsNormEps: number;
  readonly ropeTheta: number;
  /**
   * M-RoPE: how many of the headDim/2 rotary frequencies follow the temporal, height and width
   * position ids (`rope_scaling.mrope_section`, e.g. [16, 24, 24] for headDim 128).
   */
  readonly mropeSection: readonly [number, number, number];
  readonly maxPositionEmbeddings: number;
  readonly tieWordEmbeddings: boolean;
}

/** The vision transformer and its 2x2 patch merger. */
export interface VisionConfig {
  readonly depth: number;
  readonly hiddenSize: number;
  readonly intermediateSize: number;
  readonly numHeads: number;
  /** hiddenSize / numHeads. */
  readonly headDim: number;
  readonly patchSize: number;
  readonly temporalPatchSize: number;
  readonly spatialMergeSize: number;
  readonly inChannels: number;
  /** Attention window side in pixels (112: 4x4 merged tokens = 8x8 patches). */
  readonly windowSize: number;
  /** Blocks with full attention over each image; the others attend within windows. */
  readonly fullattBlockIndexes: readonly number[];
  /** The merger's output width: the decoder's hidden size. */
  readonly outHiddenSize: number;
  /** Video temporal positions (get_rope_index); unused for still images. */
  readonly tokensPerSecond: number;
  /** inChannels * temporalPatchSize * patchSize^2: the length of one patch row (1176). */
  readonly patchRowLength: number;
}

/** Token ids the model treats specially. */
export interface SpecialTokenIds {
  readonly imageTokenId: number;
  readonly videoTokenId: number | null;
  readonly visionStartTokenId: number;
  readonly visionEndTokenId: number;
  readonly bosTokenId: number | null;
  readonly eosTokenIds: readonly number[];
}

export interface Qwen25VLConfig {
  readonly text: TextConfig;
  readonly vision: VisionConfig;
  readonly tokens: SpecialTokenIds;
}

/** RMSNorm epsilon of the vision blocks and the merger: fixed at 1e-6 in HF's Qwen2_5_VisionTransformer. */
export const VISION_RMS_NORM_EPS = 1e-6;
