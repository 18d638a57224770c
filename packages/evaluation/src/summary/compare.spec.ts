import { scoredRow } from '../testing';
import { compareRuns } from './compare';

const settings = { resamples: 500, level: 0.95, seed: 0 };

describe('comparing two runs', () => {
  it('pairs rows by benchmark and index, leaves out unpaired rows, and reports B - A with a paired CI', () => {
    const before = [...Array.from({ length: 40 }, (_, i) => scoredRow('B', i, 'yes_no', i < 20 ? 1 : 0)), scoredRow('B', 'only-a', 'yes_no', 1)];
    const after = [...Array.from({ length: 40 }, (_, i) => scoredRow('B', i, 'yes_no', i < 36 ? 1 : 0)), scoredRow('Other', 0, 'yes_no', 1)];
    const comparison = compareRuns({ dir: 'a', label: 'before', rows: before }, { dir: 'b', label: 'after', rows: after }, settings);
    expect(comparison).toMatchObject({ pairedRows: 40, onlyA: 1, onlyB: 1 });
    const accuracy = comparison.overall.values[0];
    expect(accuracy.quantity).toBe('accuracy');
    expect(accuracy.a?.mean).toBe(0.5);
    expect(accuracy.b?.mean).toBe(0.9);
    // 16 of 40 rows go from wrong to right and none back: every resample's difference is > 0
    expect(accuracy.difference?.mean).toBeCloseTo(0.4, 12);
    expect(accuracy.difference?.ci[0]).toBeGreaterThan(0);
    expect(accuracy.significant).toBe(true);
  });

  it('an unchanged run is not significant; the same rows give a zero difference', () => {
    const rows = Array.from({ length: 30 }, (_, i) => scoredRow('B', i, 'chart', i % 2));
    const comparison = compareRuns({ dir: 'a', label: 'a', rows }, { dir: 'b', label: 'b', rows }, settings);
    const chart = comparison.tasks[0];
    expect(chart.values[0]).toMatchObject({ quantity: 'accuracy', label: 'relaxed acc.', significant: false });
    expect(chart.values[0].difference).toEqual({ mean: 0, ci: [0, 0], n: 30 });
    expect(chart.values.map((value) => value.quantity)).toEqual(['accuracy', 'format']);
  });

  it('open-ended groups compare mean BMAS; benchmarks are broken down by task and category', () => {
    const a = [scoredRow('B', 0, 'open_ended', 0.5, { category: 'captions' }), scoredRow('B', 1, 'open_ended', 0.7, { category: 'captions' })];
    const b = [scoredRow('B', 0, 'open_ended', 0.6, { category: 'captions' }), scoredRow('B', 1, 'open_ended', 0.8, { category: 'captions' })];
    const comparison = compareRuns({ dir: 'a', label: 'a', rows: a }, { dir: 'b', label: 'b', rows: b }, settings);
    const [bench] = comparison.benchmarks;
    expect(bench.categories[0].label).toBe('captions');
    expect(bench.tasks[0].values[0].quantity).toBe('bmas');
    expect(bench.tasks[0].values[0].difference?.mean).toBeCloseTo(0.1, 12);
  });
});
