import { Rng } from './rng';

function draws(rng: Rng, count: number): number[] {
  return Array.from({ length: count }, () => rng.nextUint32());
}

describe('Rng', () => {
  it('gives the same stream for the same (seed, name, index)', () => {
    expect(draws(Rng.forSample(42, 'chart', 7), 16)).toEqual(draws(Rng.forSample(42, 'chart', 7), 16));
  });

  it('gives different streams when any part of the key differs', () => {
    const base = draws(Rng.forSample(42, 'chart', 7), 8);
    expect(draws(Rng.forSample(43, 'chart', 7), 8)).not.toEqual(base);
    expect(draws(Rng.forSample(42, 'grounding', 7), 8)).not.toEqual(base);
    expect(draws(Rng.forSample(42, 'chart', 8), 8)).not.toEqual(base);
    expect(draws(Rng.forSample(42 + 2 ** 32, 'chart', 7), 8)).not.toEqual(base);
  });

  it('derives child streams that do not depend on what the parent drew', () => {
    const fresh = Rng.forSample(1, 'x', 2);
    const used = Rng.forSample(1, 'x', 2);
    draws(used, 100);
    expect(draws(used.derive('scene'), 8)).toEqual(draws(fresh.derive('scene'), 8));
    expect(draws(fresh.derive('scene'), 8)).not.toEqual(draws(fresh.derive('question'), 8));
  });

  it('is pinned: these values must not change, or every generated data set changes', () => {
    // Recorded once from this implementation; a change here is a change of every procedural sample.
    expect(draws(Rng.forSample(0, 'chart', 0), 3)).toEqual([2029255791, 3837846711, 3402906686]);
  });

  it('draws ints in range with every value reachable and roughly uniform', () => {
    const rng = Rng.forSample(5, 'uniform', 0);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60000; i++) counts[rng.int(0, 5)]++;
    for (const count of counts) expect(Math.abs(count - 10000)).toBeLessThan(400);
  });

  it('floats lie in [0, 1) with mean near 1/2', () => {
    const rng = Rng.forSample(9, 'float', 3);
    let sum = 0;
    for (let i = 0; i < 20000; i++) {
      const value = rng.float();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
      sum += value;
    }
    expect(Math.abs(sum / 20000 - 0.5)).toBeLessThan(0.01);
  });

  it('shuffles into a permutation and samples distinct items', () => {
    const rng = Rng.forSample(3, 'shuffle', 1);
    const items = Array.from({ length: 20 }, (_, i) => i);
    expect([...rng.shuffle(items)].sort((a, b) => a - b)).toEqual(items);
    const picked = rng.sample(items, 5);
    expect(new Set(picked).size).toBe(5);
    expect(() => rng.sample(items, 21)).toThrow(/cannot draw 21 distinct items from 20/);
    expect(() => rng.pick([])).toThrow(/empty/);
  });

  it('rejects seeds and indices that are not whole numbers in [0, 2^53)', () => {
    expect(() => Rng.forSample(-1, 'chart', 0)).toThrow(/seed must be a whole number/);
    expect(() => Rng.forSample(1.5, 'chart', 0)).toThrow(/seed must be a whole number/);
    expect(() => Rng.forSample(0, 'chart', Number.NaN)).toThrow(/index must be a whole number/);
    expect(() => Rng.forSample(0, 'chart', 2 ** 53)).toThrow(/index must be a whole number/);
    expect(() => Rng.forSample(0, 'chart', 0).int(3, 2)).toThrow(/min <= max/);
  });
});
