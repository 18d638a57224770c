import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '../backend/select-backend';
import { tinyConfig } from '../config/tiny-config';
import { initParameters, type PolicyParameters } from '../model/parameters';
import type { PromptInput } from '../model/qwen2-5-vl';
import { Weights } from '../model/weights';
import { Rng } from '../random/rng';
import { scoreCompletions } from '../score/score-completions';
import { randomImage, tinyPromptIds } from '../testing/tiny-inputs';
import { generate } from './generate';

/** Agreement of log-probs computed by different routes (cache vs. full pass) in float32. */
const LOG_PROB_TOLERANCE = 1e-4;

const config = tinyConfig();
const prompt: PromptInput = { tokenIds: tinyPromptIds(6, 7), images: [randomImage(4, 6, 7)] };
let params: PolicyParameters;
let w: Weights;

beforeAll(async () => {
  await selectBackend('wasm', { log: () => undefined });
  // Wider than HF's init so the random model's distributions are peaked (no near-ties for greedy).
  params = initParameters(config, { seed: 11, std: 0.1 });
  w = Weights.frozen(params);
});
afterAll(() => {
  w.dispose();
  params.dispose();
});

function maxDifference(a: readonly number[], b: readonly number[]): number {
  expect(a).toHaveLength(b.length);
  return Math.max(0, ...a.map((v, i) => Math.abs(v - b[i])));
}

describe('generate', () => {
  it('greedy with the KV cache equals greedy by full recomputation', () => {
    const options = { groupSize: 2, maxNewTokens: 12, temperature: 0, stopTokenIds: [] };
    const cached = generate(w, prompt, options, Rng.fromSeed(0));
    const recomputed = generate(w, prompt, { ...options, useCache: false }, Rng.fromSeed(0));
    expect(cached.map((c) => c.tokenIds)).toEqual(recomputed.map((c) => c.tokenIds));
    expect(cached[0].tokenIds).toHaveLength(12);
    expect(cached[0].tokenIds).toEqual(cached[1].tokenIds);
    expect(new Set(cached[0].tokenIds).size).toBeGreaterThan(1);
    cached.forEach((c, g) => expect(maxDifference(c.logProbs, recomputed[g].logProbs)).toBeLessThan(LOG_PROB_TOLERANCE));
  });

  it('sampled log-probs equal the scoring pass (TRL mode: at the sampling temperature)', () => {
    const completions = generate(w, prompt, { groupSize: 4, maxNewTokens: 10, temperature: 0.8, topK: 50, topP: 0.95 }, Rng.fromSeed(1));
    const lengths = completions.map((c) => c.tokenIds.length);
    const scores = tf.tidy(() => {
      const { logProbs, mask } = scoreCompletions(w, prompt, completions.map((c) => c.tokenIds), { temperature: 0.8 });
      return { logProbs: logProbs.arraySync(), mask: mask.arraySync() };
    });
    completions.forEach((c, g) => {
      expect(maxDifference(c.logProbs, scores.logProbs[g].slice(0, lengths[g]))).toBeLessThan(LOG_PROB_TOLERANCE);
      expect(scores.mask[g]).toEqual(scores.mask[g].map((_, t) => (t < lengths[g] ? 1 : 0)));
      expect(scores.logProbs[g].slice(lengths[g]).every((v) => v === 0)).toBe(true);
    });
    expect(new Set(completions.map((c) => c.tokenIds.join(','))).size).toBeGreaterThan(1);
  });

  it('unit mode reports the temperature-1 distribution, matching scoring at temperature 1', () => {
    const [c] = generate(w, prompt, { maxNewTokens: 6, temperature: 1.3, logProbs: 'unit' }, Rng.fromSeed(2));
    const scored = tf.tidy(() => scoreCompletions(w, prompt, [c.tokenIds]).logProbs.arraySync()[0]);
    expect(maxDifference(c.logProbs, scored.slice(0, c.tokenIds.length))).toBeLessThan(LOG_PROB_TOLERANCE);
  });

  it('is reproducible for a seed, and a saved RNG state replays the next group', () => {
    const options = { groupSize: 3, maxNewTokens: 5, temperature: 1 };
    const rng = Rng.fromSeed(42);
    const first = generate(w, prompt, options, rng);
    expect(generate(w, prompt, options, Rng.fromSeed(42))).toEqual(first);
    const saved = rng.state();
    const second = generate(w, prompt, options, rng);
    expect(generate(w, prompt, options, Rng.fromState(saved))).toEqual(second);
    expect(second).not.toEqual(first);
  });

  it('stops at a stop token (kept as the last token) and reports why each completion ended', () => {
    const [greedy] = generate(w, prompt, { maxNewTokens: 4, temperature: 0, stopTokenIds: [] }, Rng.fromSeed(0));
    const stopped = generate(w, prompt, { groupSize: 2, maxNewTokens: 4, temperature: 0, stopTokenIds: [greedy.tokenIds[2]] }, Rng.fromSeed(0));
    expect(stopped[0].tokenIds).toEqual(greedy.tokenIds.slice(0, 3));
    expect(stopped[0].finishReason).toBe('stop');
    expect(greedy.finishReason).toBe('length');
  });

  it('finished rows leave the batch while others go on (text-only prompt)', () => {
    const textPrompt = { tokenIds: [5, 6, 7, 8] };
    const options = { groupSize: 6, maxNewTokens: 8, temperature: 1.5 };
    const [probe] = generate(w, textPrompt, { ...options, groupSize: 1, stopTokenIds: [] }, Rng.fromSeed(3));
    // Stop on a token the first draws are likely to hit, so some rows end early.
    const stop = probe.tokenIds[0];
    const withCache = generate(w, textPrompt, { ...options, stopTokenIds: [stop] }, Rng.fromSeed(3));
    const recomputed = generate(w, textPrompt, { ...options, stopTokenIds: [stop], useCache: false }, Rng.fromSeed(3));
    expect(withCache.map((c) => c.tokenIds)).toEqual(recomputed.map((c) => c.tokenIds));
    expect(withCache.some((c) => c.finishReason === 'stop')).toBe(true);
    expect(withCache.some((c) => c.finishReason === 'length')).toBe(true);
  });

  it('leaks no tensors across generation and a training step on the scores', () => {
    const before = tf.memory().numTensors;
    const completions = generate(w, prompt, { groupSize: 2, maxNewTokens: 5 }, Rng.fromSeed(4));
    expect(tf.memory().numTensors).toBe(before);
    tf.tidy(() => {
      const live = Weights.live(params);
      const { grads, value } = tf.variableGrads(() => {
        const { logProbs, mask } = scoreCompletions(live, prompt, completions.map((c) => c.tokenIds));
        return tf.neg(tf.div(tf.sum(tf.mul(logProbs, mask)), tf.sum(mask))) as tf.Scalar;
      }, params.list());
      expect(Number.isFinite(value.dataSync()[0])).toBe(true);
      const patchGrad = grads[params.get('visual.patch_embed.proj.weight').name];
      expect(tf.max(tf.abs(patchGrad)).dataSync()[0]).toBeGreaterThan(0); // gradients reach the vision tower
    });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects bad settings, naming them', () => {
    const rng = Rng.fromSeed(0);
    expect(() => generate(w, prompt, { maxNewTokens: 0 }, rng)).toThrow('maxNewTokens must be a whole number >= 1, found 0');
    expect(() => generate(w, prompt, { maxNewTokens: 2, topP: 0 }, rng)).toThrow('topP must be in (0, 1] (1: off), found 0');
    expect(() => generate(w, prompt, { maxNewTokens: 2, temperature: -1 }, rng)).toThrow('temperature must be a number >= 0 (0: greedy), found -1');
    expect(() => generate(w, prompt, { maxNewTokens: 2, groupSize: 0 }, rng)).toThrow('groupSize must be a whole number >= 1, found 0');
  });
});
