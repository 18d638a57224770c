import type { BpeModel } from './bpe-trainer';
import { QWEN_SPLIT_PATTERN } from './pre-tokenize';

export interface AddedToken {
  readonly content: string;
  /** Special tokens are dropped when decoding with skip_special_tokens. */
  readonly special: boolean;
}

/**
 * Qwen's special tokens (special: true) and the Mixed-R1 format tags, added as normal tokens
 * (special: false, as Qwen3 adds <think>): single ids the format reward's tags always encode to,
 * kept in decoded text. Their ids follow the BPE vocabulary in this order.
 */
export const ADDED_TOKENS: readonly AddedToken[] = [
  { content: '<|endoftext|>', special: true },
  { content: '<|im_start|>', special: true },
  { content: '<|im_end|>', special: true },
  { content: '<|vision_start|>', special: true },
  { content: '<|vision_end|>', special: true },
  { content: '<|image_pad|>', special: true },
  { content: '<think>', special: false },
  { content: '</think>', special: false },
  { content: '<answer>', special: false },
  { content: '</answer>', special: false },
];

const BYTE_LEVEL = { type: 'ByteLevel', add_prefix_space: false, trim_offsets: false, use_regex: false };

/**
 * A Hugging Face tokenizer.json with Qwen2's pipeline (NFC normaliser; Split on Qwen's pattern, then
 * ByteLevel; BPE without unknown token; ByteLevel decoder) around the trained model, added tokens
 * numbered after the vocabulary.
 */
export function tokenizerJson(model: BpeModel, added: readonly AddedToken[] = ADDED_TOKENS): Record<string, unknown> {
  const vocab = Object.fromEntries([...model.vocab.entries()].sort((x, y) => x[1] - y[1]));
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: added.map((t, i) => ({ id: model.vocab.size + i, content: t.content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: t.special })),
    normalizer: { type: 'NFC' },
    pre_tokenizer: {
      type: 'Sequence',
      pretokenizers: [{ type: 'Split', pattern: { Regex: QWEN_SPLIT_PATTERN }, behavior: 'Isolated', invert: false }, BYTE_LEVEL],
    },
    post_processor: BYTE_LEVEL,
    decoder: BYTE_LEVEL,
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: '',
      end_of_word_suffix: '',
      fuse_unk: false,
      byte_fallback: false,
      ignore_merges: false,
      vocab,
      merges: model.merges,
    },
  };
}

/** tokenizer_config.json: Qwen2's settings (no BOS, <|im_end|> ends a turn, no space clean-up on decode). */
export function tokenizerConfigJson(maxLength: number): Record<string, unknown> {
  return {
    tokenizer_class: 'Qwen2Tokenizer',
    add_bos_token: false,
    add_prefix_space: false,
    bos_token: null,
    eos_token: '<|im_end|>',
    pad_token: '<|endoftext|>',
    unk_token: null,
    clean_up_tokenization_spaces: false,
    split_special_tokens: false,
    model_max_length: maxLength,
  };
}
