import { LruCache } from './lru-cache';

describe('LruCache', () => {
  it('evicts the least recently used entry (a get refreshes it)', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now newer than b
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([1, undefined, 3, 2]);
  });

  it('replaces a value set again without growing', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('a', 5);
    expect([cache.get('a'), cache.size]).toEqual([5, 1]);
  });

  it('keeps nothing at capacity 0 and rejects bad capacities', () => {
    const cache = new LruCache<string, number>(0);
    cache.set('a', 1);
    expect(cache.get('a')).toBeUndefined();
    expect(() => new LruCache(-1)).toThrow('LruCache: capacity must be a whole number >= 0, found -1');
    expect(() => new LruCache(1.5)).toThrow(/found 1.5/);
  });
});
