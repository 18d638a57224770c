// The data of a procedural chart: category labels, whole-number values, and what is drawn. The
// questions and answers are computed from this, and the image is drawn from it.

import type { Rng } from '../rng';

export type ChartKindName = 'bar' | 'line' | 'pie';

/** What the x axis (or the slices) are called in questions: "category", "month", "year", "slice". */
export type LabelNoun = 'category' | 'month' | 'year' | 'slice';

export interface ChartData {
  readonly kind: ChartKindName;
  readonly labels: readonly string[];
  /** Whole numbers; for a pie, percentages summing to 100. */
  readonly values: readonly number[];
  readonly labelNoun: LabelNoun;
  /** Whether each value is written on the chart (bar tops, line points, pie legend). */
  readonly showValues: boolean;
  /** Palette colour names of the series (one for bars and lines, one per slice for a pie). */
  readonly colours: readonly string[];
}

/** Category label sets; every label is drawable with the stroke font. */
export const CATEGORY_LABEL_SETS: readonly (readonly string[])[] = [
  ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'],
  ['CAT', 'DOG', 'COW', 'PIG', 'OWL', 'FOX', 'BEE', 'ANT'],
  ['APPLE', 'PEAR', 'PLUM', 'FIG', 'KIWI', 'LIME', 'MANGO', 'GRAPE'],
  ['NORTH', 'SOUTH', 'EAST', 'WEST'],
  ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'],
];

/** Label sets drawn in their own order (letters from A; weekdays in week order). */
const ORDERED_LABEL_SETS: ReadonlySet<number> = new Set([0, 4]);

export const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** The largest values a chart may have (its values lie in [about a tenth of it, it]). */
export const VALUE_TOPS = [10, 20, 30, 50, 80, 100, 200, 500] as const;

/** `count` labels in order, starting at a random place for ordered sets (months, years). */
export function labelsFor(rng: Rng, noun: LabelNoun, count: number): string[] {
  if (noun === 'month') {
    const start = rng.int(0, MONTHS.length - count);
    return MONTHS.slice(start, start + count);
  }
  if (noun === 'year') {
    const start = rng.int(2000, 2024 - count);
    return Array.from({ length: count }, (_, i) => String(start + i));
  }
  const setIndex = rng.pick(CATEGORY_LABEL_SETS.map((_, i) => i).filter((i) => CATEGORY_LABEL_SETS[i].length >= count));
  const set = CATEGORY_LABEL_SETS[setIndex];
  if (!ORDERED_LABEL_SETS.has(setIndex)) return rng.sample(set, count);
  const kept = new Set(rng.sample(set, count));
  return setIndex === 0 ? set.slice(0, count) : set.filter((labelText) => kept.has(labelText));
}

/**
 * `count` distinct whole numbers in [max(1, top/10), top] whose two largest and two smallest
 * differ by at least 8% of `top`, so that the largest and smallest are clear from the drawing.
 */
export function distinctValues(rng: Rng, count: number, top: number): number[] {
  const low = Math.max(1, Math.round(top / 10));
  const clearGap = Math.max(1, Math.ceil(top * 0.08));
  for (;;) {
    const values = Array.from({ length: count }, () => rng.int(low, top));
    const sorted = [...values].sort((a, b) => a - b);
    const distinct = new Set(values).size === count;
    const clear = sorted[1] - sorted[0] >= clearGap && sorted[count - 1] - sorted[count - 2] >= clearGap;
    if (distinct && clear) return values;
  }
}

/**
 * `count` whole percentages, each at least 4, summing to 100, distinct, with a clear largest and
 * smallest (apart by at least 3 points).
 */
export function percentages(rng: Rng, count: number): number[] {
  for (;;) {
    const cuts = new Set<number>();
    while (cuts.size < count - 1) cuts.add(rng.int(1, 99));
    const edges = [0, ...[...cuts].sort((a, b) => a - b), 100];
    const values = edges.slice(1).map((edge, i) => edge - edges[i]);
    const sorted = [...values].sort((a, b) => a - b);
    const ok =
      sorted[0] >= 4 &&
      new Set(values).size === count &&
      sorted[1] - sorted[0] >= 3 &&
      sorted[count - 1] - sorted[count - 2] >= 3;
    if (ok) return values;
  }
}

/** A "nice" tick step (1, 2, 2.5 or 5 times a power of ten) giving at most `maxIntervals` (default 6) up to `max`. */
export function tickStep(max: number, maxIntervals = 6): number {
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const factor of [0.1, 0.2, 0.25, 0.5, 1, 2, 5]) {
    const step = factor * magnitude;
    if (Number.isInteger(step) && Math.ceil(max / step) <= maxIntervals) return step;
  }
  return 10 * magnitude;
}

/** The axis maximum: the first tick at or above `max`. */
export function axisMax(max: number, maxIntervals = 6): number {
  const step = tickStep(max, maxIntervals);
  return Math.ceil(max / step) * step;
}
