import { mapWithConcurrency } from './async-pool';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('mapWithConcurrency', () => {
  it('gives results in input order whatever order the calls finish in', async () => {
    const delays = [30, 5, 20, 0, 10, 25, 1];
    const results = await mapWithConcurrency(delays, 3, async (delay, index) => {
      await tick(delay);
      return `${index}:${delay}`;
    });
    expect(results).toEqual(delays.map((delay, index) => `${index}:${delay}`));
  });

  it.each([1, 2, 5])('keeps at most %i calls in flight', async (concurrency) => {
    let inFlight = 0;
    let most = 0;
    await mapWithConcurrency(Array.from({ length: 12 }, (_, i) => i), concurrency, async (i) => {
      most = Math.max(most, ++inFlight);
      await tick(i % 3);
      inFlight--;
    });
    expect(most).toBe(concurrency);
  });

  it('starts no new call after one rejects, and throws the first rejection', async () => {
    const started: number[] = [];
    const run = mapWithConcurrency([0, 1, 2, 3, 4, 5], 2, async (i) => {
      started.push(i);
      await tick(1);
      if (i === 1) throw new Error('item 1 failed');
      if (i === 2) throw new Error('item 2 failed');
      return i;
    });
    await expect(run).rejects.toThrow('item 1 failed');
    expect(started).toEqual([0, 1, 2]);
  });

  it('handles no items, and rejects a concurrency below 1', async () => {
    await expect(mapWithConcurrency([], 4, async () => 1)).resolves.toEqual([]);
    await expect(mapWithConcurrency([1], 0, async () => 1)).rejects.toThrow('concurrency must be a whole number >= 1, found 0');
  });
});
