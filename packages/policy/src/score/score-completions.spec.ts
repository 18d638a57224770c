import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '../backend/select-backend';
import { tinyConfig } from '../config/tiny-config';
import { initParameters, type PolicyParameters } from '../model/parameters';
import { promptLogits, type PromptInput } from '../model/qwen2-5-vl';
import { Weights } from '../model/weights';
import { randomImage, tinyPromptIds } from '../testing/tiny-inputs';
import { scoreCompletions } from './score-completions';
import { scoreSequences } from './score-sequences';

const TOLERANCE = 1e-4;
const config = tinyConfig();
const prompt: PromptInput = { tokenIds: tinyPromptIds(6, 8), images: [randomImage(4, 6, 8)] };
let params: PolicyParameters;

beforeAll(async () => {
  await selectBackend('wasm', { log: () => undefined });
  params = initParameters(config, { seed: 12, std: 0.1 });
});
afterAll(() => params.dispose());

/** Naive reference: the whole prompt + completion in one pass, log softmax(logits / T) at each completion token. */
function naive(completion: number[], temperature: number): number[] {
  return tf.tidy(() => {
    const ids = [...prompt.tokenIds, ...completion];
    const logits = promptLogits(Weights.live(params), { tokenIds: ids, images: prompt.images });
    const logProbs = tf.logSoftmax(tf.div(logits, temperature)).arraySync() as number[][];
    return completion.map((token, t) => logProbs[prompt.tokenIds.length - 1 + t][token]);
  });
}

describe('scoreCompletions', () => {
  it('equals a full pass per completion, for completions of different lengths (one empty)', () => {
    const completions = [[5, 9, 100, 7], [42], [], [952, 3, 3]];
    const scores = tf.tidy(() => {
      const { logProbs, mask } = scoreCompletions(Weights.live(params), prompt, completions, { temperature: 0.7 });
      return { logProbs: logProbs.arraySync(), mask: mask.arraySync(), shape: logProbs.shape };
    });
    expect(scores.shape).toEqual([4, 4]);
    completions.forEach((c, g) => {
      const expected = naive(c, 0.7);
      expected.forEach((v, t) => expect(Math.abs(scores.logProbs[g][t] - v)).toBeLessThan(TOLERANCE));
      expect(scores.mask[g]).toEqual([0, 1, 2, 3].map((t) => (t < c.length ? 1 : 0)));
    });
    expect(scores.logProbs[2]).toEqual([0, 0, 0, 0]);
  });

  it('leaves no tensors but the two it returns', () => {
    const before = tf.memory().numTensors;
    const { logProbs, mask } = scoreCompletions(Weights.live(params), prompt, [[1, 2]]);
    expect(tf.memory().numTensors).toBe(before + 2);
    tf.dispose([logProbs, mask]);
  });

  it('rejects tokens outside the vocabulary and an empty group', () => {
    const w = Weights.live(params);
    expect(() => scoreCompletions(w, prompt, [[1], [960]])).toThrow('scoreCompletions: completion 1 token 0 is 960, outside the vocabulary');
    expect(() => scoreCompletions(w, prompt, [])).toThrow('scoreCompletions: no completions to score');
    expect(() => scoreCompletions(w, prompt, [[1]], { temperature: 0 })).toThrow('temperature must be > 0');
  });
});

describe('scoreSequences', () => {
  it('scores completions of several prompts, rows in the order given, as each prompt alone', () => {
    const other: PromptInput = { tokenIds: [1, 2, 3, 4] };
    const sequences = [
      { prompt: 1, tokenIds: [7, 8] },
      { prompt: 0, tokenIds: [5, 9, 100] },
      { prompt: 1, tokenIds: [3] },
    ];
    const [all, first, second] = tf.tidy(() => {
      const w = Weights.live(params);
      return [
        scoreSequences(w, [prompt, other], sequences).arraySync(),
        scoreCompletions(w, prompt, [[5, 9, 100]]).logProbs.arraySync(),
        scoreCompletions(w, other, [[7, 8], [3]]).logProbs.arraySync(),
      ];
    });
    expect(all).toHaveLength(3);
    const close = (a: number[], b: number[]) => a.forEach((v, i) => expect(Math.abs(v - b[i])).toBeLessThan(1e-5));
    close(all[1], first[0]);
    close(all[0], [...second[0], 0]);
    close(all[2], [second[1][0], 0, 0]);
    expect(() => scoreSequences(Weights.live(params), [prompt], [{ prompt: 1, tokenIds: [1] }])).toThrow('scoreSequences: sequence 0 names prompt 1, 1 given');
  });
});
