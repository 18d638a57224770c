/**
 * Builds the example embedding folder that BMAS runs on without a downloaded model:
 *   <out>/tokenizer.json     a Hugging Face WordLevel tokenizer (NFKC + lowercase; words are runs
 *                            of letters, digits and _, or runs of other non-space characters;
 *                            [UNK]) with special tokens
 *                            [UNK], <|endoftext|>, <|im_start|>, <|im_end|>
 *   <out>/model.safetensors  `model.embed_tokens.weight` [vocab, dim] (BF16 by default)
 *   <out>/README.md          what it is and how it was made
 *
 * Each row is the sum of seeded random vectors, one per character trigram of "<word>", L2-normalised:
 * words that share trigrams are similar (cat / cats), identical words identical, unrelated words
 * nearly orthogonal. The vocabulary is the special tokens, a built-in list of common English words,
 * then the words of the corpus files (most frequent first, ties in code-point order), up to
 * --max-vocab. JSONL corpora contribute their string values (a line that is not JSON, its text).
 * Output is deterministic.
 *
 *   npx tsx tools/make-example-embeddings/make-example-embeddings.ts [corpus files...] \
 *     [--out data/examples/embeddings] [--dim 64] [--max-vocab 8192] [--dtype BF16|F32]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { COMMON_WORDS } from './common-words';
import { seededRandom } from '@mixed-r1/records/testing';

const SPECIAL_TOKENS = ['[UNK]', '<|endoftext|>', '<|im_start|>', '<|im_end|>'];
const TENSOR_NAME = 'model.embed_tokens.weight';

interface Settings {
  readonly corpora: readonly string[];
  readonly out: string;
  readonly dim: number;
  readonly maxVocab: number;
  readonly dtype: 'BF16' | 'F32';
}

function settingsFromArgs(argv: string[]): Settings {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string', default: 'data/examples/embeddings' },
      dim: { type: 'string', default: '64' },
      'max-vocab': { type: 'string', default: '8192' },
      dtype: { type: 'string', default: 'BF16' },
    },
  });
  const whole = (name: string, text: string, min: number): number => {
    const value = Number(text);
    if (!Number.isSafeInteger(value) || value < min) throw new Error(`--${name}: expected a whole number >= ${min}, found "${text}"`);
    return value;
  };
  if (values.dtype !== 'BF16' && values.dtype !== 'F32') throw new Error(`--dtype: expected BF16 or F32, found "${values.dtype}"`);
  return {
    corpora: positionals,
    out: values.out,
    dim: whole('dim', values.dim, 1),
    maxVocab: whole('max-vocab', values['max-vocab'], SPECIAL_TOKENS.length + 1),
    dtype: values.dtype,
  };
}

/** The tokenizer.json for a vocabulary (specials first). */
function tokenizerJson(vocabulary: readonly string[]): Record<string, unknown> {
  const vocab = Object.fromEntries(vocabulary.map((token, id) => [token, id]));
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content) => ({
      id: vocab[content],
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: { type: 'Sequence', normalizers: [{ type: 'NFKC' }, { type: 'Lowercase' }] },
    // Like the Whitespace pre-tokenizer (\w+|[^\w\s]+) but with Unicode letters and digits, the
    // same in @huggingface/tokenizers and the Rust tokenizers (whose \w differ).
    pre_tokenizer: {
      type: 'Sequence',
      pretokenizers: [
        { type: 'WhitespaceSplit' },
        { type: 'Split', pattern: { Regex: '[\\p{L}\\p{N}_]+' }, behavior: 'Isolated', invert: false },
      ],
    },
    post_processor: null,
    decoder: null,
    model: { type: 'WordLevel', vocab, unk_token: '[UNK]' },
  };
}

/**
 * The words the tokenizer sees in `text`: its normaliser (NFKC, lowercase), then its
 * pre-tokenizer (split on whitespace, then isolate runs of [\p{L}\p{N}_]; what is between them
 * is a word too). The package's example-embeddings test checks every word encodes to its own id.
 */
const WORD = /[\p{L}\p{N}_]+|[^\p{L}\p{N}_\s]+/gu;
const wordsOf = (text: string): string[] =>
  (text.normalize('NFKC').toLowerCase().match(WORD) ?? []).filter((token) => !SPECIAL_TOKENS.includes(token));

function stringValues(value: unknown, into: string[]): void {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) value.forEach((v) => stringValues(v, into));
  else if (typeof value === 'object' && value !== null) Object.values(value).forEach((v) => stringValues(v, into));
}

/**
 * Texts of a corpus file: each JSONL line's string values (a line that is not JSON is read as plain
 * text, and counted in a note), or the whole file as text.
 */
function corpusTexts(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  if (!file.endsWith('.jsonl')) return [text];
  const texts: string[] = [];
  const plain: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      stringValues(JSON.parse(line), texts);
    } catch {
      plain.push(i + 1);
      texts.push(line);
    }
  });
  if (plain.length > 0) console.warn(`${file}: ${plain.length} line(s) not JSON, read as plain text: ${plain.join(', ')}`);
  return texts;
}

function buildVocabulary(settings: Settings): string[] {
  const vocabulary = [...SPECIAL_TOKENS];
  const seen = new Set(vocabulary);
  const add = (word: string): void => {
    if (!seen.has(word) && vocabulary.length < settings.maxVocab) {
      seen.add(word);
      vocabulary.push(word);
    }
  };
  COMMON_WORDS.flatMap(wordsOf).forEach(add);
  const counts = new Map<string, number>();
  for (const file of settings.corpora) {
    for (const word of corpusTexts(file).flatMap(wordsOf)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  [...counts.entries()]
    .sort(([a, ca], [b, cb]) => cb - ca || (a < b ? -1 : a > b ? 1 : 0))
    .forEach(([word]) => add(word));
  return vocabulary;
}

/** FNV-1a 32-bit hash of a string's UTF-16 code units. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/** The random vector of one trigram: mulberry32 seeded by the trigram's hash. */
function trigramVector(trigram: string, dim: number): Float64Array {
  const random = seededRandom(fnv1a(trigram));
  return Float64Array.from({ length: dim }, () => random() * 2 - 1);
}

function embedding(word: string, dim: number): Float64Array {
  const chars = [...`<${word}>`];
  const row = new Float64Array(dim);
  for (let i = 0; i + 3 <= chars.length; i++) {
    trigramVector(chars.slice(i, i + 3).join(''), dim).forEach((v, k) => (row[k] += v));
  }
  const norm = Math.sqrt(row.reduce((sum, v) => sum + v * v, 0));
  return row.map((v) => v / norm);
}

/** BF16 bits of a value, rounded to nearest even (as torch does). */
function bf16Bits(value: number): number {
  const view = new DataView(new ArrayBuffer(4));
  view.setFloat32(0, value, true);
  const bits = view.getUint32(0, true);
  return ((bits + 0x7fff + ((bits >>> 16) & 1)) >>> 16) & 0xffff;
}

/** A safetensors file holding one tensor (format: huggingface/safetensors README). */
function safetensors(rows: Float64Array[], dim: number, dtype: Settings['dtype']): Buffer {
  const elementBytes = dtype === 'BF16' ? 2 : 4;
  const data = Buffer.alloc(rows.length * dim * elementBytes);
  rows.forEach((row, i) =>
    row.forEach((v, k) => {
      const at = (i * dim + k) * elementBytes;
      if (dtype === 'BF16') data.writeUInt16LE(bf16Bits(v), at);
      else data.writeFloatLE(v, at);
    }),
  );
  const header = {
    __metadata__: { format: 'pt', generator: 'tools/make-example-embeddings' },
    [TENSOR_NAME]: { dtype, shape: [rows.length, dim], data_offsets: [0, data.length] },
  };
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - (Buffer.byteLength(json) % 8)) % 8);
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(Buffer.byteLength(json)));
  return Buffer.concat([length, Buffer.from(json), data]);
}

function readme(settings: Settings, vocabSize: number): string {
  const command = [
    'npx tsx tools/make-example-embeddings/make-example-embeddings.ts',
    ...settings.corpora,
    `--out ${settings.out} --dim ${settings.dim} --max-vocab ${settings.maxVocab} --dtype ${settings.dtype}`,
  ].join(' ');
  const corpora = settings.corpora.length > 0 ? settings.corpora.map((f) => `\`${f}\``).join(', ') : 'none';
  return `# Example embeddings for BMAS

Generated by \`tools/make-example-embeddings\` (do not edit by hand; rerun the tool):

    ${command}

- \`tokenizer.json\`: Hugging Face WordLevel tokenizer, ${vocabSize} tokens (special: ${SPECIAL_TOKENS.join(', ')}).
- \`model.safetensors\`: \`${TENSOR_NAME}\`, ${settings.dtype} [${vocabSize}, ${settings.dim}]. Each row is the
  normalised sum of seeded random vectors of the word's character trigrams, so words that share
  trigrams are similar and identical words identical. Not a trained model.
- Corpus files: ${corpora}; plus the tool's built-in list of common English words.
`;
}

function main(): void {
  const settings = settingsFromArgs(process.argv.slice(2));
  const vocabulary = buildVocabulary(settings);
  const rows = vocabulary.map((word) => embedding(word, settings.dim));
  fs.mkdirSync(settings.out, { recursive: true });
  fs.writeFileSync(path.join(settings.out, 'tokenizer.json'), `${JSON.stringify(tokenizerJson(vocabulary), null, 1)}\n`);
  fs.writeFileSync(path.join(settings.out, 'model.safetensors'), safetensors(rows, settings.dim, settings.dtype));
  fs.writeFileSync(path.join(settings.out, 'README.md'), readme(settings, vocabulary.length));
  console.log(`wrote ${settings.out}: ${vocabulary.length} tokens x ${settings.dim} (${settings.dtype})`);
}

main();
