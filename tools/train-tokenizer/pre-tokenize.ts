/**
 * Qwen2's pre-tokenizer split (its tokenizer.json `pre_tokenizer`, a Split on this pattern with
 * behaviour Isolated, before ByteLevel): contractions, letter runs with one leading non-letter,
 * single digits, punctuation runs, newlines, spaces. JavaScript has no `(?i:...)` group, so the
 * case-insensitive contractions are spelled out.
 */
export const QWEN_SPLIT_PATTERN =
  "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

const SPLIT = /'(?:[sS]|[tT]|[rR][eE]|[vV][eE]|[mM]|[lL][lL]|[dD])|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+/gu;

/** The pieces of `text` (NFC-normalised first, as Qwen's normalizer does). */
export function preTokenize(text: string): string[] {
  return text.normalize('NFC').match(SPLIT) ?? [];
}
