import { bootstrapMean, pairedBootstrapDifference } from './bootstrap';
import { seededUniform } from './seeded-random';

/** A "random" source that returns the given draws in order. */
function draws(values: number[]): () => number {
  let i = 0;
  return () => values[i++];
}

describe('percentile bootstrap', () => {
  it('a hand-checkable case: two resamples of [0, 1, 1] with chosen draws', () => {
    // Resample 1 draws indices 0, 0, 0 (mean 0); resample 2 draws 1, 2, 1 (mean 1). Sorted means [0, 1]:
    // the 2.5% quantile is 0 + 0.025 (1 - 0), the 97.5% one 0.975.
    const estimate = bootstrapMean([0, 1, 1], { resamples: 2, random: draws([0, 0.1, 0.2, 0.5, 0.9, 0.4]) });
    expect(estimate?.mean).toBeCloseTo(2 / 3, 15);
    expect(estimate?.ci[0]).toBeCloseTo(0.025, 15);
    expect(estimate?.ci[1]).toBeCloseTo(0.975, 15);
    expect(estimate?.n).toBe(3);
  });

  it('[0, 1]: resample means are 0, 1/2, 1 with chances 1/4, 1/2, 1/4, so the 95% interval is [0, 1]', () => {
    expect(bootstrapMean([0, 1], { resamples: 20000, seed: 3 })?.ci).toEqual([0, 1]);
  });

  it('is deterministic for a seed and changes with it', () => {
    const random = seededUniform(99);
    const values = Array.from({ length: 200 }, () => random());
    const a = bootstrapMean(values, { seed: 7 });
    expect(bootstrapMean(values, { seed: 7 })).toEqual(a);
    expect(bootstrapMean(values, { seed: 8 })?.ci).not.toEqual(a?.ci);
  });

  it('constant values give a zero-width interval; no values give null', () => {
    expect(bootstrapMean([0.5, 0.5, 0.5])).toEqual({ mean: 0.5, ci: [0.5, 0.5], n: 3 });
    expect(bootstrapMean([])).toBeNull();
  });

  it('has about the normal-approximation width for a proportion (p = 0.5, n = 400: +-1.96 * 0.025)', () => {
    const values = Array.from({ length: 400 }, (_, i) => i % 2);
    const estimate = bootstrapMean(values, { resamples: 4000, seed: 1 });
    expect(estimate?.ci[0]).toBeCloseTo(0.5 - 0.049, 1);
    expect(estimate?.ci[1]).toBeCloseTo(0.5 + 0.049, 1);
    expect(Math.abs((estimate?.ci[1] ?? 0) - (estimate?.ci[0] ?? 0) - 0.098)).toBeLessThan(0.012);
  });

  it('checks its settings', () => {
    expect(() => bootstrapMean([1], { resamples: 0 })).toThrow('resamples must be a whole number >= 1, found 0');
    expect(() => bootstrapMean([1], { level: 1 })).toThrow('confidence level must be in (0, 1), found 1');
  });
});

describe('paired bootstrap of a difference', () => {
  it('B - A over pairs: all wrong before and right after is +1 exactly', () => {
    expect(pairedBootstrapDifference([0, 0, 0], [1, 1, 1])).toEqual({ mean: 1, ci: [1, 1], n: 3 });
  });

  it('is narrower than unpaired intervals when the runs agree on most rows', () => {
    const random = seededUniform(5);
    const a = Array.from({ length: 300 }, () => (random() < 0.5 ? 1 : 0));
    const b = a.map((value, i) => (i % 15 === 0 ? 1 : value)); // B fixes a few rows
    const paired = pairedBootstrapDifference(a, b, { seed: 2 });
    const widthA = (bootstrapMean(a, { seed: 3 })?.ci ?? [0, 0]).reduce((low, high) => high - low);
    expect(paired?.mean).toBeGreaterThan(0);
    expect((paired?.ci[1] ?? 0) - (paired?.ci[0] ?? 0)).toBeLessThan(widthA / 2);
    expect(paired?.ci[0]).toBeGreaterThan(0);
  });

  it('refuses pairs that do not line up', () => {
    expect(() => pairedBootstrapDifference([1, 0], [1])).toThrow('paired bootstrap: 2 values against 1; pairs must line up');
  });
});
