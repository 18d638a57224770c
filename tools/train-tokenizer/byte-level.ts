/**
 * GPT-2's byte-to-unicode table (openai/gpt-2 encoder.py `bytes_to_unicode`, used by Hugging Face's
 * ByteLevel pre-tokenizer and decoder): printable Latin-1 bytes map to themselves, the other 68
 * bytes to U+0100 onwards, so every byte string is a string of visible characters.
 */
export function bytesToUnicode(): string[] {
  const printable: number[] = [];
  for (let b = 0x21; b <= 0x7e; b++) printable.push(b);
  for (let b = 0xa1; b <= 0xac; b++) printable.push(b);
  for (let b = 0xae; b <= 0xff; b++) printable.push(b);
  const table = new Array<string>(256);
  printable.forEach((b) => (table[b] = String.fromCodePoint(b)));
  let next = 0;
  for (let b = 0; b < 256; b++) if (table[b] === undefined) table[b] = String.fromCodePoint(256 + next++);
  return table;
}

const TABLE = bytesToUnicode();
const ENCODER = new TextEncoder();

/** The byte-level form of a piece of text: its UTF-8 bytes as table characters. */
export function toByteLevel(text: string): string[] {
  return Array.from(ENCODER.encode(text), (b) => TABLE[b]);
}
