import type { LossMetricSums } from './compute-loss';

/** Token means over a batch's completion tokens, as TRL logs them (`masked_batch_mean`). */
export interface TokenMetrics {
  readonly tokens: number;
  /** Mean k3 KL to the reference policy (TRL "kl"); null without a reference. */
  readonly kl: number | null;
  /** Fraction of tokens clipped below (TRL "clip_ratio/low_mean"). */
  readonly clipFractionLow: number;
  /** Fraction of tokens clipped above (TRL "clip_ratio/high_mean"). */
  readonly clipFractionHigh: number;
  /** Either (TRL "clip_ratio/region_mean"). */
  readonly clipFraction: number;
  readonly ratioMean: number;
}

/** The sums of two micro-batches (kl is null unless both have it). */
export function addMetricSums(a: LossMetricSums, b: LossMetricSums): LossMetricSums {
  const kl = a.kl === null || b.kl === null ? null : a.kl + b.kl;
  return { tokens: a.tokens + b.tokens, ratio: a.ratio + b.ratio, kl, clippedLow: a.clippedLow + b.clippedLow, clippedHigh: a.clippedHigh + b.clippedHigh };
}

/** Means over the tokens (0 when there are none). */
export function tokenMetrics(sums: LossMetricSums): TokenMetrics {
  const per = (x: number) => (sums.tokens > 0 ? x / sums.tokens : 0);
  return {
    tokens: sums.tokens,
    kl: sums.kl === null ? null : per(sums.kl),
    clipFractionLow: per(sums.clippedLow),
    clipFractionHigh: per(sums.clippedHigh),
    clipFraction: per(sums.clippedLow + sums.clippedHigh),
    ratioMean: per(sums.ratio),
  };
}
