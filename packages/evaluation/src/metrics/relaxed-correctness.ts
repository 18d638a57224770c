import { pythonFloat } from './python-float';

/** pix2struct's default `max_relative_change`: 5% of the target. */
export const MAX_RELATIVE_CHANGE = 0.05;

/**
 * pix2struct's `_to_float` (google-research/pix2struct, pix2struct/metrics.py, inside
 * `relaxed_correctness`): a text ending in "%" is `float(text.rstrip("%")) / 100`, any other
 * `float(text)`; null where Python raises ValueError. The "%" test is on the text as given, so
 * "45% " (trailing space) is not a percentage, and not a number either.
 */
export function toFloatPix2struct(text: string): number | null {
  if (text.endsWith('%')) {
    const value = pythonFloat(text.replace(/%+$/, ''));
    return value === null ? null : value / 100;
  }
  return pythonFloat(text);
}

/**
 * ChartQA's relaxed accuracy, exactly as pix2struct's `relaxed_correctness(target, prediction)`
 * (pix2struct/metrics.py): when the prediction reads as a number and the target as a number that is
 * not 0 (Python truthiness: NaN counts as non-zero, 0 and -0 do not),
 * |prediction - target| / |target| <= max_relative_change; otherwise the lower-cased strings must be
 * equal. So a target of 0 needs the exact string ("0" matches "0", not "0.0"), "45%" is 0.45, and
 * "1,234" is not a number (only an exact "1,234" matches it).
 */
export function relaxedCorrectness(target: string, prediction: string, maxRelativeChange = MAX_RELATIVE_CHANGE): boolean {
  const predictionFloat = toFloatPix2struct(prediction);
  const targetFloat = toFloatPix2struct(target);
  if (predictionFloat !== null && targetFloat !== null && targetFloat !== 0) {
    const relativeChange = Math.abs(predictionFloat - targetFloat) / Math.abs(targetFloat);
    return relativeChange <= maxRelativeChange;
  }
  return prediction.toLowerCase() === target.toLowerCase();
}

/**
 * pix2struct's `aggregate_metrics` for one example: the best of `relaxed_correctness` over the
 * example's targets (ChartQA has one; a list of accepted answers takes the max).
 */
export function relaxedAccuracy(targets: readonly string[], prediction: string): 0 | 1 {
  return targets.some((target) => relaxedCorrectness(target, prediction)) ? 1 : 0;
}
