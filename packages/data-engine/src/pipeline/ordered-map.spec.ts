import { orderedMap } from './ordered-map';

async function* numbers(count: number, pulled: number[]): AsyncGenerator<number> {
  for (let i = 0; i < count; i++) {
    pulled.push(i);
    yield i;
  }
}

describe('orderedMap', () => {
  it('yields in input order whatever order the work finishes in, with at most `window` in flight', async () => {
    const pulled: number[] = [];
    let inFlight = 0;
    let most = 0;
    const work = async (n: number) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, (n * 7) % 5));
      inFlight--;
      return n * 10;
    };
    const results: number[] = [];
    for await (const { item, result } of orderedMap(numbers(40, pulled), work, 4)) {
      expect(result).toBe(item * 10);
      results.push(item);
    }
    expect(results).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(most).toBeLessThanOrEqual(4);
  });

  it('raises a failure at its turn and stops pulling', async () => {
    const pulled: number[] = [];
    const work = async (n: number) => {
      if (n === 3) throw new Error('three');
      return n;
    };
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const { item } of orderedMap(numbers(100, pulled), work, 2)) seen.push(item);
      })(),
    ).rejects.toThrow('three');
    expect(seen).toEqual([0, 1, 2]);
    expect(pulled.length).toBeLessThan(10);
  });
});
