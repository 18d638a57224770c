import { lastNumberIn, parseNumber } from './parse-number';

/** ChartQA's relaxed accuracy tolerance: 5% of the target. */
export const RELATIVE_TOLERANCE = 0.05;

/**
 * Chart reward (SPEC.md section 2), ChartQA's relaxed accuracy (pix2struct
 * `relaxed_correctness`): a non-zero numeric ground truth accepts a prediction within 5% of it;
 * otherwise the answer must equal the ground truth, ignoring case. The prediction's number is the
 * whole answer when it is a number, else the last number written in it.
 */
export function chartScore(answer: string, groundTruth: string): 0 | 1 {
  const target = parseNumber(groundTruth);
  if (target !== null && target !== 0) {
    const prediction = parseNumber(answer) ?? lastNumberIn(answer);
    if (prediction !== null) return Math.abs(prediction - target) <= RELATIVE_TOLERANCE * Math.abs(target) ? 1 : 0;
  }
  return answer.trim().toLowerCase() === groundTruth.trim().toLowerCase() ? 1 : 0;
}
