import path from 'node:path';

/**
 * The tiny model's tokenizer (tools/train-tokenizer on the procedural data's text), shipped with
 * the tiny model under data/models/tiny-vlm.
 */
export const TINY_TOKENIZER_DIR = path.join(__dirname, '..', '..', '..', '..', 'data', 'models', 'tiny-vlm');
