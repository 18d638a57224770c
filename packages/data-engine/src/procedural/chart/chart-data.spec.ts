import { Rng } from '../rng';
import { STROKE_FONT_CHARACTERS } from '../stroke-font';
import { axisMax, CATEGORY_LABEL_SETS, distinctValues, labelsFor, MONTHS, percentages, tickStep } from './chart-data';

describe('chart data', () => {
  it('picks tick steps of 1, 2, 2.5 or 5 times a power of ten, with at most 6 (or the given number of) intervals', () => {
    // Hand-checked: 10 -> 2 (5 ticks), 7 -> 2 (axis 8), 80 -> 20, 133 -> 25 (axis 150), 499 -> 100.
    expect([10, 7, 80, 133, 499].map((max) => tickStep(max))).toEqual([2, 2, 20, 25, 100]);
    expect([10, 80, 499].map((max) => tickStep(max, 2))).toEqual([5, 50, 500]);
    expect([10, 7, 80, 133, 499].map((max) => axisMax(max))).toEqual([10, 8, 80, 150, 500]);
    for (let max = 1; max <= 1000; max++) {
      const step = tickStep(max);
      const intervals = axisMax(max) / step;
      expect(Number.isInteger(step)).toBe(true);
      expect(intervals).toBeLessThanOrEqual(6);
      expect(axisMax(max)).toBeGreaterThanOrEqual(max);
    }
  });

  it('draws distinct whole values whose largest and smallest stand clear of the next', () => {
    const rng = Rng.forSample(1, 'values', 0);
    for (let i = 0; i < 200; i++) {
      const top = rng.pick([10, 50, 500]);
      const values = distinctValues(rng, rng.int(3, 8), top);
      const sorted = [...values].sort((a, b) => a - b);
      expect(new Set(values).size).toBe(values.length);
      expect(sorted[0]).toBeGreaterThanOrEqual(Math.max(1, Math.round(top / 10)));
      expect(sorted[sorted.length - 1]).toBeLessThanOrEqual(top);
      expect(sorted[1] - sorted[0]).toBeGreaterThanOrEqual(Math.ceil(top * 0.08));
      expect(sorted[sorted.length - 1] - sorted[sorted.length - 2]).toBeGreaterThanOrEqual(Math.ceil(top * 0.08));
    }
  });

  it('draws whole percentages of at least 4 that sum to 100', () => {
    const rng = Rng.forSample(1, 'percentages', 0);
    for (let i = 0; i < 200; i++) {
      const values = percentages(rng, rng.int(3, 6));
      expect(values.reduce((sum, value) => sum + value, 0)).toBe(100);
      expect(Math.min(...values)).toBeGreaterThanOrEqual(4);
      expect(new Set(values).size).toBe(values.length);
    }
  });

  it('gives consecutive months and years, and labels the stroke font can draw', () => {
    const rng = Rng.forSample(2, 'labels', 0);
    const months = labelsFor(rng, 'month', 5);
    const start = MONTHS.indexOf(months[0]);
    expect(months).toEqual(MONTHS.slice(start, start + 5));
    const years = labelsFor(rng, 'year', 4).map(Number);
    expect(years.map((year) => year - years[0])).toEqual([0, 1, 2, 3]);
    for (const label of [...CATEGORY_LABEL_SETS.flat(), ...MONTHS]) {
      for (const character of label) expect(STROKE_FONT_CHARACTERS).toContain(character);
    }
  });
});
