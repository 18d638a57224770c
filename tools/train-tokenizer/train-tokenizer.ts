/**
 * Trains the tiny model's byte-level BPE tokenizer on corpus files and writes tokenizer.json and
 * tokenizer_config.json in Hugging Face format (loadable by @huggingface/tokenizers and by
 * transformers' PreTrainedTokenizerFast).
 *
 *   npx tsx tools/train-tokenizer/train-tokenizer.ts --vocab-size 960 --out data/models/tiny-vlm corpus.jsonl [more files]
 *
 * The vocabulary is the 256 bytes, the learned merges, then the added tokens (ADDED_TOKENS), so
 * with --vocab-size 960 the added tokens take ids 950..959 (the tiny config's TINY_TOKEN_IDS).
 */
import fs from 'node:fs';
import path from 'node:path';
import { PolicyTokenizer, TINY_CONFIG_JSON, TINY_TOKEN_IDS } from '@mixed-r1/policy';
import { countWords, trainBpe } from './bpe-trainer';
import { readCorpus } from './corpus';
import { ADDED_TOKENS, tokenizerConfigJson, tokenizerJson } from './tokenizer-json';

export interface TrainOptions {
  readonly vocabSize: number;
  readonly minFrequency?: number;
  readonly maxLength?: number;
}

/** Trains on `texts`; the vocabulary (added tokens included) must come out exactly `vocabSize`. */
export function trainTokenizer(texts: readonly string[], options: TrainOptions): { tokenizer: Record<string, unknown>; config: Record<string, unknown> } {
  const bpeSize = options.vocabSize - ADDED_TOKENS.length;
  if (!(Number.isInteger(bpeSize) && bpeSize >= 256)) throw new RangeError(`--vocab-size must be at least ${256 + ADDED_TOKENS.length}, found ${options.vocabSize}`);
  const words = countWords(texts, ADDED_TOKENS.map((t) => t.content));
  const model = trainBpe(words, bpeSize, options.minFrequency ?? 2);
  if (model.vocab.size < bpeSize) {
    throw new Error(
      `the corpus yields only ${model.vocab.size - 256} merges with frequency >= ${options.minFrequency ?? 2} (${bpeSize - 256} needed for --vocab-size ${options.vocabSize}); give more text or a smaller --vocab-size`,
    );
  }
  return { tokenizer: tokenizerJson(model), config: tokenizerConfigJson(options.maxLength ?? 2048) };
}

function argument(args: string[], name: string): string | undefined {
  const at = args.indexOf(`--${name}`);
  if (at < 0) return undefined;
  const value = args[at + 1];
  args.splice(at, 2);
  return value;
}

function main(argv: string[]): void {
  const args = [...argv];
  const vocabSize = Number(argument(args, 'vocab-size') ?? TINY_CONFIG_JSON.vocab_size);
  const minFrequency = Number(argument(args, 'min-frequency') ?? 2);
  const out = argument(args, 'out');
  if (!out || args.length === 0) throw new Error('usage: train-tokenizer --out <folder> [--vocab-size 960] [--min-frequency 2] <corpus files...>');
  const corpora = args.map(readCorpus);
  corpora.forEach((c) => c.skipped.forEach((line) => console.error(`skipped ${line}`)));
  const texts = corpora.flatMap((c) => c.texts);
  const { tokenizer, config } = trainTokenizer(texts, { vocabSize, minFrequency });
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'tokenizer.json'), `${JSON.stringify(tokenizer, null, 1)}\n`);
  fs.writeFileSync(path.join(out, 'tokenizer_config.json'), `${JSON.stringify(config, null, 2)}\n`);
  const loaded = PolicyTokenizer.fromFile(out);
  const broken = texts.find((t) => loaded.decode(loaded.encode(t)) !== t.normalize('NFC'));
  if (broken !== undefined) throw new Error(`the trained tokenizer does not round-trip ${JSON.stringify(broken.slice(0, 80))}`);
  const tokens = texts.reduce((n, t) => n + loaded.encode(t).length, 0);
  const chars = texts.reduce((n, t) => n + t.length, 0);
  console.log(`wrote ${out}: ${loaded.size} ids (im_end ${loaded.tokenId('<|im_end|>')}, image_pad ${loaded.tokenId('<|image_pad|>')}); ${texts.length} texts, ${(chars / tokens).toFixed(2)} characters per token`);
  if (vocabSize === TINY_CONFIG_JSON.vocab_size && loaded.tokenId('<|image_pad|>') !== TINY_TOKEN_IDS.imagePad) {
    throw new Error('the added token ids differ from the tiny config (TINY_TOKEN_IDS)');
  }
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
