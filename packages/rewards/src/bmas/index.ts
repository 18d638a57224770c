// BMAS (Bidirectional Max-Average Similarity), the open-ended reward of SPEC.md section 2.
export { BMAS_COMBINATIONS, BMAS_COMBINATION_NAMES, combineDirectional, type BmasCombination } from './bmas-combination';
export { computeBmas, defaultSimilarityBackend, type BmasParts } from './bmas-kernel';
export { DEFAULT_BMAS_OPTIONS, resolveBmasOptions, type BmasOptions } from './bmas-options';
export { BmasScorer, type BmasScore, type ClosableEmbeddingTable } from './bmas-scorer';
export { createSimilarityBackend, SIMILARITY_KERNELS, type SimilarityKernel } from './create-similarity-backend';
export {
  EMBEDDING_DTYPES,
  EMBEDDING_TENSOR_SUFFIX,
  SafetensorsEmbeddings,
  locateEmbeddingFile,
  type EmbeddingDtype,
  type EmbeddingTable,
} from './safetensors-embeddings';
export type { DirectionalScores, PreparedReference, SimilarityBackend } from './similarity-backend';
export { HfTokenizer, type BmasTokenizer } from './tokenizer';
