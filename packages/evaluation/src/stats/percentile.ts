/**
 * The q-quantile (0 <= q <= 1) of ascending-sorted values with linear interpolation between
 * order statistics: numpy's default (`np.percentile(..., method='linear')`, Hyndman & Fan type 7):
 * position h = (n - 1) q, value = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]).
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantileSorted: no values');
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantileSorted: q must be in [0, 1], found ${q}`);
  const h = (n - 1) * q;
  const low = Math.floor(h);
  const high = Math.min(low + 1, n - 1);
  return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
}
