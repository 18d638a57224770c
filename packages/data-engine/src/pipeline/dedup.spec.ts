import { Deduplicator } from './dedup';

describe('Deduplicator', () => {
  it('keeps the first of a (hash, question) and names it for the later ones', () => {
    const dedup = new Deduplicator();
    expect(dedup.check('a', 'h1', 'q')).toBeNull();
    expect(dedup.check('b', 'h1', 'q')).toBe('a');
    expect(dedup.check('c', 'h1', 'other question')).toBeNull();
    expect(dedup.check('d', 'h2', 'q')).toBeNull();
    expect(dedup.check('e', 'h1', 'q')).toBe('a');
    expect(dedup.check('f', 'h2', 'q')).toBe('d');
    expect(dedup.clusters()).toEqual([
      { keptId: 'a', duplicateIds: ['b', 'e'], hash: 'h1', question: 'q' },
      { keptId: 'd', duplicateIds: ['f'], hash: 'h2', question: 'q' },
    ]);
  });

  it('summarises cluster sizes, largest clusters first', () => {
    const dedup = new Deduplicator();
    for (const [id, hash] of [['a', 'x'], ['b', 'x'], ['c', 'y'], ['d', 'y'], ['e', 'y'], ['f', 'z']]) dedup.check(id, hash, 'q');
    const summary = dedup.summary(1);
    expect(summary).toMatchObject({ clusters: 2, duplicates: 3, sizes: { '2': 1, '3': 1 } });
    expect(summary.examples).toEqual([{ keptId: 'c', duplicateIds: ['d', 'e'], hash: 'y', question: 'q' }]);
  });
});
