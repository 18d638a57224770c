/**
 * A Hugging Face tokenizer.json with a WordLevel model (for tests): NFKC + lowercase, split on
 * whitespace and punctuation (`\w+|[^\w\s]+`), `[UNK]` for unknown words. Ids: the special tokens
 * first (in order, `[UNK]` first of all), then `words`.
 */
export function wordLevelTokenizerJson(words: readonly string[], specialTokens: readonly string[] = ['<|endoftext|>', '<|im_start|>', '<|im_end|>']): object {
  const specials = ['[UNK]', ...specialTokens];
  const vocab: Record<string, number> = {};
  [...specials, ...words].forEach((token) => {
    vocab[token] ??= Object.keys(vocab).length;
  });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: specials.map((content) => ({
      id: vocab[content],
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: { type: 'Sequence', normalizers: [{ type: 'NFKC' }, { type: 'Lowercase' }] },
    pre_tokenizer: { type: 'Whitespace' },
    post_processor: null,
    decoder: null,
    model: { type: 'WordLevel', vocab, unk_token: '[UNK]' },
  };
}
