import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DifficultyFilter, readPassRates, writePassRates } from './pass-rates';
import { writeRejections } from './rejection-table';

describe('pass-rate files', () => {
  const folder = mkdtempSync(join(tmpdir(), 'pass-rates-'));

  it('round-trip through Arrow IPC', () => {
    const path = join(folder, 'rates.arrow');
    const rows = [
      { sampleId: 'a', passRate: 0, k: 8 },
      { sampleId: 'b', passRate: 0.375, k: 8 },
      { sampleId: 'c', passRate: 1, k: 8 },
    ];
    writePassRates(path, rows);
    expect(readPassRates(path)).toEqual(rows);
  });

  it('refuse rates outside [0, 1] and k < 1, naming the column and row', () => {
    expect(() => writePassRates(join(folder, 'bad.arrow'), [{ sampleId: 'a', passRate: 1.5, k: 8 }])).toThrow(/row 0: column "pass_rate": expected a number from 0 to 1, found 1.5/);
    expect(() => writePassRates(join(folder, 'bad.arrow'), [{ sampleId: 'a', passRate: 0.5, k: 0 }])).toThrow(/column "k": expected a whole number > 0/);
  });

  it('refuse a file of another schema', () => {
    const path = join(folder, 'rejections.arrow');
    // a rejected.arrow is a valid Arrow file, but not a pass-rate table
    writeRejections(path, [{ source: 's', inputRef: 'r', sampleId: null, stage: 'read', reason: 'x: y' }]);
    expect(() => readPassRates(path)).toThrow(/expected a "pass_rate" table of version 1, found "rejection"/);
  });
});

describe('DifficultyFilter', () => {
  const rows = [
    { sampleId: 'never', passRate: 0, k: 8 },
    { sampleId: 'sometimes', passRate: 0.5, k: 8 },
    { sampleId: 'always', passRate: 1, k: 4 },
  ];

  it('keeps 0 < rate < 1, rejects rate 0 as too hard and rate 1 as too easy, with the rate', () => {
    const filter = new DifficultyFilter(rows, 'keep', 'rates.arrow');
    expect(filter.check('sometimes')).toBeUndefined();
    expect(filter.check('never')).toBe('too hard: pass rate 0 over k=8 rollouts');
    expect(filter.check('always')).toBe('too easy: pass rate 1 over k=4 rollouts');
    expect(filter.counts).toMatchObject({ listed: 3, kept: 1, tooHard: 1, tooEasy: 1 });
  });

  it('keeps or rejects samples the file does not list, as `missing` says', () => {
    expect(new DifficultyFilter(rows, 'keep', 'rates.arrow').check('unlisted')).toBeUndefined();
    expect(new DifficultyFilter(rows, 'reject', 'rates.arrow').check('unlisted')).toBe('no pass rate: rates.arrow does not list the sample (difficulty.missing is "reject")');
  });

  it('refuses a sample listed twice', () => {
    expect(() => new DifficultyFilter([...rows, rows[0]], 'keep', 'rates.arrow')).toThrow(/rates.arrow: sample "never" is listed twice/);
  });
});
