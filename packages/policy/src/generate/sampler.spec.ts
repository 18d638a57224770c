import { Rng } from '../random/rng';
import { logProbOf, sampleToken, type SamplingSettings } from './sampler';

const settings = (s: Partial<SamplingSettings>): SamplingSettings => ({ temperature: 1, topK: 0, topP: 1, ...s });

/** Frequencies of each token over n draws. */
function frequencies(logits: number[], s: SamplingSettings, n = 20000, seed = 1): number[] {
  const rng = Rng.fromSeed(seed);
  const counts = new Array<number>(logits.length).fill(0);
  const row = Float32Array.from(logits);
  for (let i = 0; i < n; i++) counts[sampleToken(row, s, rng)]++;
  return counts.map((c) => c / n);
}

describe('sampleToken', () => {
  // probabilities at temperature 1: softmax(log [0.5, 0.3, 0.15, 0.05]) = [0.5, 0.3, 0.15, 0.05]
  const logits = [0.5, 0.3, 0.15, 0.05].map(Math.log);

  it('greedy takes the argmax (the first on ties)', () => {
    expect(sampleToken(Float32Array.from([1, 3, 3, 2]), settings({ temperature: 0 }), Rng.fromSeed(0))).toBe(1);
  });

  it('samples the softmax at temperature 1', () => {
    frequencies(logits, settings({})).forEach((f, i) => expect(Math.abs(f - [0.5, 0.3, 0.15, 0.05][i])).toBeLessThan(0.015));
  });

  it('temperature 0.5 squares and renormalises the probabilities', () => {
    const squared = [0.25, 0.09, 0.0225, 0.0025];
    const z = squared.reduce((a, b) => a + b, 0);
    frequencies(logits, settings({ temperature: 0.5 })).forEach((f, i) => expect(Math.abs(f - squared[i] / z)).toBeLessThan(0.015));
  });

  it('top-k 2 keeps the two most likely, renormalised', () => {
    const f = frequencies(logits, settings({ topK: 2 }));
    expect(f[2] + f[3]).toBe(0);
    expect(Math.abs(f[0] - 0.625)).toBeLessThan(0.015);
  });

  it('top-p 0.75: HF drops tokens whose ascending cumulative mass is <= 0.25 (0.05, 0.15 -> 0.2)', () => {
    const f = frequencies(logits, settings({ topP: 0.75 }));
    expect(f[2] + f[3]).toBe(0);
    expect(Math.abs(f[0] - 0.5 / 0.8)).toBeLessThan(0.015);
    // p = 0.85: 0.05 + 0.15 = 0.2 > 0.15, so only 0.05 goes.
    expect(frequencies(logits, settings({ topP: 0.85 }))[3]).toBe(0);
    expect(frequencies(logits, settings({ topP: 0.85 }))[2]).toBeGreaterThan(0.1);
  });

  it('a tiny top-p keeps the top token only', () => {
    expect(frequencies(logits, settings({ topP: 0.01 }), 200)[0]).toBe(1);
  });

  it('is reproducible for a seed', () => {
    expect(frequencies(logits, settings({ topK: 3 }), 50, 9)).toEqual(frequencies(logits, settings({ topK: 3 }), 50, 9));
  });
});

describe('logProbOf', () => {
  it('is log softmax(logits / T) at the token', () => {
    const row = Float32Array.from([1, 2, 3]);
    const z = Math.exp(1) + Math.exp(2) + Math.exp(3);
    expect(logProbOf(row, 2, 1)).toBeCloseTo(3 - Math.log(z), 12);
    const z2 = Math.exp(2) + Math.exp(4) + Math.exp(6);
    expect(logProbOf(row, 0, 0.5)).toBeCloseTo(2 - Math.log(z2), 12);
  });
});
