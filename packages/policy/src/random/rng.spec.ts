import { Rng } from './rng';

describe('Rng (xoshiro128**)', () => {
  it('matches the reference xoshiro128** output for a known state', () => {
    // xoshiro128starstar.c with s = {1, 2, 3, 4}: the first output is rotl(2 * 5, 7) * 9 = 11520.
    const rng = Rng.fromState([1, 2, 3, 4]);
    expect([rng.nextUint32(), rng.nextUint32(), rng.nextUint32()]).toEqual([11520, 0, 5927040]);
  });

  it('is deterministic per seed and resumes from a saved state', () => {
    const a = Rng.fromSeed(42);
    const b = Rng.fromSeed(42);
    const first = Array.from({ length: 5 }, () => a.nextFloat());
    expect(Array.from({ length: 5 }, () => b.nextFloat())).toEqual(first);
    const saved = a.state();
    const next = Array.from({ length: 5 }, () => a.nextFloat());
    const resumed = Rng.fromState(saved);
    expect(Array.from({ length: 5 }, () => resumed.nextFloat())).toEqual(next);
    expect(Rng.fromSeed(43).nextFloat()).not.toBe(first[0]);
  });

  it('gives uniform floats in [0, 1) and standard normals (moments over 20k draws)', () => {
    const rng = Rng.fromSeed(7);
    const n = 20000;
    const u = Array.from({ length: n }, () => rng.nextFloat());
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    expect(u.reduce((a, b) => a + b, 0) / n).toBeCloseTo(0.5, 1);
    const z = Array.from({ length: n }, () => rng.nextNormal());
    const mean = z.reduce((a, b) => a + b, 0) / n;
    const variance = z.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });

  it('rejects bad seeds and states', () => {
    expect(() => Rng.fromSeed(1.5)).toThrow('Rng: seed must be a whole number, found 1.5');
    expect(() => Rng.fromState([1, 2, 3])).toThrow('Rng: a state is four uint32 values, found [1,2,3]');
    expect(() => Rng.fromState([0, 0, 0, 0])).toThrow('Rng: the all-zero state is not allowed');
  });
});
