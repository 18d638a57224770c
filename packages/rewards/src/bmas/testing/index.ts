// Fixtures for BMAS tests: a safetensors writer, a naive BMAS oracle, in-memory tokenizer and table.
export { naiveBmas, naiveSimilarities, type NaiveBmas, type NaiveCombination } from './naive-bmas';
export { InMemoryEmbeddings, WordTokenizer } from './in-memory';
export {
  bf16Bits,
  encodeSafetensors,
  encodeSafetensorsHeader,
  f32Bytes,
  u16Bytes,
  type TensorBytes,
  type TensorSpec,
} from './safetensors-writer';
export { wordLevelTokenizerJson } from './word-level-tokenizer';
