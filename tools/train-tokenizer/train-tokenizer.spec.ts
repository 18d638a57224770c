import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PolicyTokenizer } from '@mixed-r1/policy';
import { bytesToUnicode } from './byte-level';
import { countWords, trainBpe } from './bpe-trainer';
import { readCorpus } from './corpus';
import { preTokenize } from './pre-tokenize';
import { ADDED_TOKENS } from './tokenizer-json';
import { trainTokenizer } from './train-tokenizer';

const CORPUS = [
  '<think>The red square is left of the blue circle.</think><answer>yes</answer>',
  'There are 3 red squares and 2 blue circles in the image.',
  "Is the square red? It's red, and the circles are blue.",
  'The chart shows JAN = 12, FEB = 21; the largest value is 21.',
];

describe('byte-level BPE training', () => {
  it('maps bytes as GPT-2 does (printable bytes to themselves, space to U+0120)', () => {
    const table = bytesToUnicode();
    expect(table[0x41]).toBe('A');
    expect(table[0x20]).toBe('\u0120');
    expect(table[0x0a]).toBe('\u010a');
    expect(new Set(table).size).toBe(256);
  });

  it("pre-tokenises as Qwen's pattern: words with their leading space, single digits, contractions", () => {
    expect(preTokenize("It's 42 red  squares!\n")).toEqual(['It', "'s", ' ', '4', '2', ' red', ' ', ' squares', '!\n']);
  });

  it('learns the most frequent pair first, ties by string order (hand-derived)', () => {
    // "ab" x3, "abc" x1: pairs a-b 4, b-c 1 -> merge "ab" first, then "ab"-"c" (1, below min 2: stop).
    const words = new Map([
      ['a b', 3],
      ['a b c', 1],
    ]);
    expect(trainBpe(words, 300).merges).toEqual([['a', 'b']]);
    expect(trainBpe(words, 300, 1).merges).toEqual([
      ['a', 'b'],
      ['ab', 'c'],
    ]);
    // Ties: x-y and y-z both 2 -> "x y" sorts first.
    expect(trainBpe(new Map([['x y z', 2]]), 257, 1).merges).toEqual([['x', 'y']]);
  });

  it('keeps added tokens out of the merges', () => {
    const words = countWords(CORPUS, ADDED_TOKENS.map((t) => t.content));
    expect([...words.keys()].some((w) => w.includes('t h i n k'))).toBe(false);
  });

  it('writes a tokenizer.json that @huggingface/tokenizers loads and that round-trips', () => {
    const texts = Array.from({ length: 20 }, () => CORPUS).flat();
    const vocabSize = 256 + 40 + ADDED_TOKENS.length;
    const { tokenizer, config } = trainTokenizer(texts, { vocabSize });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'train-tokenizer-'));
    fs.writeFileSync(path.join(dir, 'tokenizer.json'), JSON.stringify(tokenizer));
    fs.writeFileSync(path.join(dir, 'tokenizer_config.json'), JSON.stringify(config));
    const loaded = PolicyTokenizer.fromFile(dir);
    expect(loaded.size).toBe(vocabSize);
    expect(loaded.tokenId('<|endoftext|>')).toBe(296);
    expect(loaded.tokenId('</answer>')).toBe(vocabSize - 1);
    expect(loaded.specialIds.has(loaded.tokenId('<|im_end|>'))).toBe(true);
    expect(loaded.specialIds.has(loaded.tokenId('<think>'))).toBe(false);
    for (const text of [...CORPUS, 'unseen wörds ✓']) expect(loaded.decode(loaded.encode(text))).toBe(text);
    expect(loaded.encode(' red').length).toBe(1); // a frequent word became one token
    expect(trainTokenizer(texts, { vocabSize }).tokenizer).toEqual(tokenizer); // deterministic
    fs.rmSync(dir, { recursive: true });
  });

  it('says when the corpus cannot fill the vocabulary', () => {
    expect(() => trainTokenizer(CORPUS, { vocabSize: 4096 })).toThrow(/the corpus yields only \d+ merges with frequency >= 2 \(3830 needed for --vocab-size 4096\)/);
    expect(() => trainTokenizer(CORPUS, { vocabSize: 100 })).toThrow('--vocab-size must be at least 266, found 100');
  });

  it('reads JSONL string fields, reporting lines that are not JSON', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-')), 'c.jsonl');
    fs.writeFileSync(file, '{"question":"Q?","options":["a","b"],"n":3}\n{broken\n');
    expect(readCorpus(file)).toEqual({ texts: ['Q?', 'a', 'b'], skipped: [expect.stringMatching(/c\.jsonl:2: not a JSON record/)] });
  });
});
