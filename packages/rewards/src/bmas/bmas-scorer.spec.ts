import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BMAS_COMBINATION_NAMES } from './bmas-combination';
import { BmasScorer } from './bmas-scorer';
import type { BmasOptions } from './bmas-options';
import { InMemoryEmbeddings, WordTokenizer, encodeSafetensors, f32Bytes, naiveBmas, wordLevelTokenizerJson } from './testing';
import { seededRandom } from '@mixed-r1/records/testing';

/**
 * The hand-computed example of bmas-kernel.spec.ts through the scorer, with raw (unnormalised) rows:
 *   x = (1, 0, 0), y = (0, 1, 0)              answer "x y"
 *   p = (1, 1, 0), q = (0, 0, 2), r = (3, 4, 0) reference "p q r"
 * normalise to p = (1/√2, 1/√2, 0), q = (0, 0, 1), r = (0.6, 0.8, 0), so
 * a = (1/√2 + 0.8) / 2 = c/2, b = (1/√2 + 0 + 0.8) / 3 = c/3; mean 5c/12, harmonic 2c/5, product c²/6.
 */
const C = Math.SQRT1_2 + 0.8;
const HAND = { mean: (5 * C) / 12, harmonic: (2 * C) / 5, product: (C * C) / 6 };
const WORDS = ['x', 'y', 'p', 'q', 'r', 'zero', 'minus', 'broken'];
const ROWS = [
  [1, 0, 0],
  [0, 1, 0],
  [1, 1, 0],
  [0, 0, 2],
  [3, 4, 0],
  [0, 0, 0],
  [-1, 0, 0],
  [NaN, 0, 0],
];
const VOCAB = Object.fromEntries(WORDS.map((w, i) => [w, i]));
const TOLERANCE = 1e-6;

function handScorer(options: Partial<BmasOptions> = {}): { scorer: BmasScorer; table: InMemoryEmbeddings } {
  const table = new InMemoryEmbeddings(ROWS);
  return { scorer: new BmasScorer(new WordTokenizer(VOCAB, ['<s>']), table, options), table };
}

/** A random table of 40 words w0..w39 in 24 dimensions and random sentences over it. */
function randomWorld(seed: number, options: Partial<BmasOptions> = {}) {
  const random = seededRandom(seed);
  const rows = Array.from({ length: 40 }, () => Array.from({ length: 24 }, () => random() * 2 - 1));
  const vocab = Object.fromEntries(rows.map((_, i) => [`w${i}`, i]));
  const scorer = new BmasScorer(new WordTokenizer(vocab), new InMemoryEmbeddings(rows), options);
  const sentence = (): string => Array.from({ length: 1 + Math.floor(random() * 20) }, () => `w${Math.floor(random() * 40)}`).join(' ');
  const rowsOf = (text: string): number[][] => text.split(' ').map((w) => rows[vocab[w]]);
  return { scorer, sentence, rowsOf };
}

describe.each(['wasm', 'js'] as const)('BmasScorer (%s kernel)', (kernel) => {
  it.each(BMAS_COMBINATION_NAMES)('hand-computed example, %s', (combination) => {
    const { scorer } = handScorer({ kernel, combination });
    expect(Math.abs(scorer.score('x y', 'p q r') - HAND[combination])).toBeLessThan(TOLERANCE);
  });

  it('equals the naive oracle on random texts, for every combination', () => {
    for (const combination of BMAS_COMBINATION_NAMES) {
      const { scorer, sentence, rowsOf } = randomWorld(11, { kernel, combination });
      for (let t = 0; t < 20; t++) {
        const [answer, reference] = [sentence(), sentence()];
        const expected = naiveBmas(rowsOf(answer), rowsOf(reference), combination);
        const got = scorer.scoreDetailed(answer, reference);
        expect(Math.abs(got.score - expected.score)).toBeLessThan(1e-5);
        expect(Math.abs(got.answerToReference - expected.answerToReference)).toBeLessThan(1e-5);
      }
    }
  });

  it('is symmetric with the mean combination, in [0, 1], and 1 for identical texts', () => {
    const { scorer, sentence } = randomWorld(5, { kernel });
    for (let t = 0; t < 30; t++) {
      const [a, b] = [sentence(), sentence()];
      const ab = scorer.score(a, b);
      expect(Math.abs(ab - scorer.score(b, a))).toBeLessThan(TOLERANCE);
      expect(ab).toBeGreaterThanOrEqual(0);
      expect(ab).toBeLessThanOrEqual(1);
      expect(scorer.score(a, a)).toBeCloseTo(1, 6);
    }
  });

  it('clamps to 0 when everything is opposite', () => {
    expect(handScorer({ kernel }).scorer.score('minus', 'x')).toBe(0);
  });

  it('scores 0 for an empty answer or reference, special tokens not counting', () => {
    const { scorer } = handScorer({ kernel });
    expect(scorer.score('', 'p q r')).toBe(0);
    expect(scorer.score('x y', '   ')).toBe(0);
    expect(scorer.score('<s> <s>', 'x')).toBe(0);
    expect(scorer.scoreDetailed('x', '<s>')).toEqual({ answerToReference: 0, referenceToAnswer: 0, score: 0, answerTokens: 1, referenceTokens: 0 });
  });

  it('drops special tokens', () => {
    const { scorer } = handScorer({ kernel });
    expect(scorer.score('<s> x <s> y <s>', '<s> p q r')).toBe(scorer.score('x y', 'p q r'));
  });

  it('keeps the first maxTokens tokens of answer and reference', () => {
    const { scorer } = handScorer({ kernel, maxTokens: 2 });
    expect(scorer.score('x y q q q', 'p q r')).toBe(handScorer({ kernel }).scorer.score('x y', 'p q'));
    expect(scorer.scoreDetailed('<s> x <s> y q', 'p r q')).toMatchObject({ answerTokens: 2, referenceTokens: 2 });
  });

  it('gives a zero-norm row similarity 0, not NaN', () => {
    // S = [0; 1]: a = (0 + 1) / 2, b = 1, mean 0.75.
    expect(handScorer({ kernel }).scorer.scoreDetailed('zero x', 'x')).toMatchObject({ answerToReference: 0.5, referenceToAnswer: 1, score: 0.75 });
  });

  it('refuses a row with NaN, naming the token id', () => {
    expect(() => handScorer({ kernel }).scorer.score('broken', 'x')).toThrow(
      'the embedding row of token id 7 has a non-finite value (NaN or infinity); check the embedding table',
    );
  });

  it('scores token ids as it scores texts', () => {
    const { scorer } = handScorer({ kernel });
    expect(scorer.scoreTokenIds([0, 1], [2, 3, 4])).toEqual(scorer.scoreDetailed('x y', 'p q r'));
    expect(scorer.scoreTokenIds([0, 1], [2, 3, 4], 'sample-1').score).toBe(scorer.score('x y', 'p q r'));
    expect(scorer.scoreTokenIds([], [2]).score).toBe(0);
  });
});

describe('BmasScorer caches', () => {
  function countingPrepares(scorer: BmasScorer): jest.SpyInstance {
    return jest.spyOn(scorer.backend, 'prepareReference');
  }

  it('prepares a reference once for the G completions of a group', () => {
    const { scorer } = handScorer();
    const prepare = countingPrepares(scorer);
    const answers = ['x', 'y', 'x y', 'p', 'q', 'r', 'x r', 'y q'];
    const scores = answers.map((answer) => scorer.score(answer, 'p q r', 'sample-7'));
    expect(prepare).toHaveBeenCalledTimes(1);
    const fresh = answers.map((answer) => handScorer().scorer.score(answer, 'p q r'));
    expect(scores).toEqual(fresh);
  });

  it('keys by the reference text when no key is given', () => {
    const { scorer } = handScorer();
    const prepare = countingPrepares(scorer);
    scorer.score('x', 'p q r');
    scorer.score('y', 'p q r');
    scorer.score('y', 'p q');
    expect(prepare).toHaveBeenCalledTimes(2);
  });

  it('rebuilds an entry when a key comes back with another reference', () => {
    const { scorer } = handScorer();
    const prepare = countingPrepares(scorer);
    scorer.score('x y', 'p q r', 'id');
    expect(scorer.score('x y', 'q', 'id')).toBe(handScorer().scorer.score('x y', 'q'));
    expect(scorer.scoreTokenIds([0, 1], [2], 'id').score).toBe(handScorer().scorer.score('x y', 'p'));
    expect(prepare).toHaveBeenCalledTimes(3);
  });

  it('prepares every time with referenceCacheSize 0', () => {
    const { scorer } = handScorer({ referenceCacheSize: 0 });
    const prepare = countingPrepares(scorer);
    for (let i = 0; i < 4; i++) scorer.score('x', 'p q r', 'sample-7');
    expect(prepare).toHaveBeenCalledTimes(4);
  });

  it('bounds the reference cache (LRU)', () => {
    const { scorer } = handScorer({ referenceCacheSize: 2 });
    const prepare = countingPrepares(scorer);
    for (const key of ['a', 'b', 'a', 'c', 'a', 'b']) scorer.score('x', 'p q r', key);
    // a, b miss; a hits; c evicts b; a hits; b misses.
    expect(prepare).toHaveBeenCalledTimes(4);
  });

  it('reads each token row once while it stays cached, and again once evicted', () => {
    const cached = handScorer();
    cached.scorer.score('x y', 'p q r', 'k');
    cached.scorer.score('y x', 'p q r', 'k');
    expect(cached.table.totalReads).toBe(5);
    const uncached = handScorer({ tokenCacheSize: 0 });
    uncached.scorer.score('x y', 'p q r', 'k');
    uncached.scorer.score('y x', 'p q r', 'k');
    expect(uncached.table.totalReads).toBe(7); // 3 reference rows once (reference cache) + 2 x 2 answer rows
    const tiny = handScorer({ tokenCacheSize: 1, referenceCacheSize: 0 });
    tiny.scorer.score('x x x', 'x');
    expect(tiny.table.reads.get(0)).toBe(1);
    tiny.scorer.score('y', 'x');
    tiny.scorer.score('x', 'x');
    expect(tiny.table.reads.get(0)).toBe(2);
  });
});

describe('BmasScorer construction', () => {
  it('validates options, naming the setting', () => {
    expect(() => handScorer({ maxTokens: 0 })).toThrow('bmas.maxTokens: expected a whole number >= 1, found 0');
    expect(() => handScorer({ combination: 'max' as never })).toThrow(/bmas\.combination: expected one of mean, harmonic, product/);
  });

  describe('fromDirectory', () => {
    let dir: string;
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bmas-scorer-'));
      // WordLevel ids: [UNK] 0, <|endoftext|> 1, <|im_start|> 2, <|im_end|> 3, then WORDS from 4.
      fs.writeFileSync(path.join(dir, 'tokenizer.json'), JSON.stringify(wordLevelTokenizerJson(WORDS)));
      const rows = [[0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], ...ROWS];
      fs.writeFileSync(
        path.join(dir, 'model.safetensors'),
        encodeSafetensors([{ name: 'model.embed_tokens.weight', dtype: 'F32', shape: [rows.length, 3], bytes: f32Bytes(rows.flat()) }]),
      );
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('scores through tokenizer.json and model.safetensors', async () => {
      const scorer = await BmasScorer.fromDirectory(dir, { combination: 'harmonic' });
      expect(Math.abs(scorer.score('X, Y', '<|im_start|>p q r<|im_end|>') - HAND.harmonic)).toBeLessThan(TOLERANCE);
      expect(scorer.score('unknownword', 'p')).toBe(0); // [UNK] is special: dropped
      scorer.close();
      expect(() => scorer.score('x', 'y')).toThrow(/read after close/);
    });

    it('checks options before opening files', async () => {
      await expect(BmasScorer.fromDirectory(path.join(dir, 'missing'), { tokenCacheSize: -1 })).rejects.toThrow(/bmas\.tokenCacheSize/);
      await expect(BmasScorer.fromDirectory(path.join(dir, 'missing'))).rejects.toThrow(/missing\/tokenizer\.json: cannot read the tokenizer file/);
    });
  });
});
