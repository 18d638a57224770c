import { quantileSorted } from './percentile';
import { seededUniform } from './seeded-random';

/** A mean with its bootstrap confidence interval. */
export interface Estimate {
  readonly mean: number;
  /** [lower, upper] of the percentile bootstrap interval at `level`. */
  readonly ci: readonly [number, number];
  /** Number of values (rows) the mean is over. */
  readonly n: number;
}

export interface BootstrapOptions {
  /** Resamples (default 1,000). */
  readonly resamples?: number;
  /** Coverage of the interval (default 0.95). */
  readonly level?: number;
  /** Seed of the resampling (default 0); ignored when `random` is given. */
  readonly seed?: number;
  /** A uniform [0, 1) source, for tests that need hand-picked draws. */
  readonly random?: () => number;
}

export const DEFAULT_RESAMPLES = 1000;
export const DEFAULT_CONFIDENCE_LEVEL = 0.95;

function settings(options: BootstrapOptions): { resamples: number; level: number; random: () => number } {
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const level = options.level ?? DEFAULT_CONFIDENCE_LEVEL;
  if (!Number.isInteger(resamples) || resamples < 1) throw new RangeError(`resamples must be a whole number >= 1, found ${resamples}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must be in (0, 1), found ${level}`);
  return { resamples, level, random: options.random ?? seededUniform(options.seed ?? 0) };
}

function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}

/**
 * The percentile bootstrap (Efron & Tibshirani 1993, ch. 13): `resamples` means of n values drawn
 * with replacement; the interval is their (1 - level)/2 and (1 + level)/2 quantiles (numpy's
 * linear interpolation). Null for no values.
 */
function percentileInterval(statistics: Float64Array, level: number): [number, number] {
  statistics.sort();
  return [quantileSorted(statistics, (1 - level) / 2), quantileSorted(statistics, (1 + level) / 2)];
}

/** The mean of `values` with its percentile-bootstrap confidence interval; null when there are no values. */
export function bootstrapMean(values: ArrayLike<number>, options: BootstrapOptions = {}): Estimate | null {
  const n = values.length;
  if (n === 0) return null;
  const { resamples, level, random } = settings(options);
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += values[Math.floor(random() * n)];
    means[r] = sum / n;
  }
  return { mean: mean(values), ci: percentileInterval(means, level), n };
}

/**
 * The mean difference b - a over paired values (the same rows scored in two runs) with a paired
 * percentile-bootstrap interval: each resample draws rows with replacement and keeps both runs'
 * values of a drawn row together. Null for no pairs.
 */
export function pairedBootstrapDifference(a: ArrayLike<number>, b: ArrayLike<number>, options: BootstrapOptions = {}): Estimate | null {
  if (a.length !== b.length) throw new RangeError(`paired bootstrap: ${a.length} values against ${b.length}; pairs must line up`);
  const differences = Float64Array.from({ length: a.length }, (_, i) => b[i] - a[i]);
  return bootstrapMean(differences, options);
}
