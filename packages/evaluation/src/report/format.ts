import type { Estimate } from '../stats/bootstrap';

/** A value in [0, 1] as a percentage with one decimal ("71.3"). */
export function percent(value: number): string {
  return (100 * value).toFixed(1);
}

/** "71.3 [68.2, 74.1]" (percent, 95% CI); "n/a" for no estimate. */
export function estimateText(estimate: Estimate | null, unavailable: string | null = null): string {
  if (!estimate) return unavailable ? 'n/a' : '–';
  return `${percent(estimate.mean)} [${percent(estimate.ci[0])}, ${percent(estimate.ci[1])}]`;
}

/** A signed difference in percentage points ("+3.2"). */
export function signedPoints(value: number): string {
  const text = (100 * value).toFixed(1);
  return value > 0 || (value === 0 && !text.startsWith('-')) ? `+${text}` : text;
}

/** "+3.2 [+0.4, +6.1]" for a difference estimate. */
export function differenceText(estimate: Estimate | null): string {
  if (!estimate) return '–';
  return `${signedPoints(estimate.mean)} [${signedPoints(estimate.ci[0])}, ${signedPoints(estimate.ci[1])}]`;
}
