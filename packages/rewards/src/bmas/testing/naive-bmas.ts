/**
 * Test oracle: BMAS by the definition, in float64 with plain loops, independent of the kernels.
 * Rows are normalised here (a zero row stays zero); combinations are written out again.
 */

export type NaiveCombination = 'mean' | 'harmonic' | 'product';

function normalised(row: ArrayLike<number>): number[] {
  let sum = 0;
  for (let k = 0; k < row.length; k++) sum += row[k] * row[k];
  const norm = Math.sqrt(sum);
  return Array.from(row, (v) => (norm === 0 ? 0 : v / norm));
}

/** S_ij = <r_i, g_j> of the given rows (not normalised here). */
export function naiveSimilarities(r: readonly ArrayLike<number>[], g: readonly ArrayLike<number>[], d: number): number[][] {
  return r.map((a) => g.map((b) => {
    let sum = 0;
    for (let k = 0; k < d; k++) sum += a[k] * b[k];
    return sum;
  }));
}

export interface NaiveBmas {
  readonly answerToReference: number;
  readonly referenceToAnswer: number;
  readonly score: number;
}

export function naiveBmas(
  answerRows: readonly ArrayLike<number>[],
  referenceRows: readonly ArrayLike<number>[],
  combination: NaiveCombination = 'mean',
): NaiveBmas {
  if (answerRows.length === 0 || referenceRows.length === 0) return { answerToReference: 0, referenceToAnswer: 0, score: 0 };
  const r = answerRows.map(normalised);
  const g = referenceRows.map(normalised);
  const s = naiveSimilarities(r, g, r[0].length);
  let a = 0;
  for (let i = 0; i < r.length; i++) a += Math.max(...s[i]);
  a /= r.length;
  let b = 0;
  for (let j = 0; j < g.length; j++) b += Math.max(...s.map((row) => row[j]));
  b /= g.length;
  let combined: number;
  if (combination === 'mean') combined = 0.5 * (a + b);
  else if (a <= 0 || b <= 0) combined = 0;
  else combined = combination === 'harmonic' ? (2 * a * b) / (a + b) : a * b;
  return { answerToReference: a, referenceToAnswer: b, score: Math.min(1, Math.max(0, combined)) };
}
