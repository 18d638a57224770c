/**
 * A similarity backend computes, for L2-normalised answer rows R (n x d) and reference rows
 * G (m x d), the cosine matrix S = R G^T and its two max-averages. Rows are given as a list of
 * arrays (each holding at least d values; views into a matrix or cached rows, copied as they
 * are). References are prepared once and reused across the completions of a group.
 */

export interface DirectionalScores {
  /** mean_i max_j S_ij: how well each answer token is matched in the reference. */
  readonly answerToReference: number;
  /** mean_j max_i S_ij: how well each reference token is matched in the answer. */
  readonly referenceToAnswer: number;
}

/** A reference in a backend's own layout; only the backend that prepared it may use it. */
export interface PreparedReference {
  readonly rows: number;
  readonly hiddenSize: number;
}

export interface SimilarityBackend {
  readonly name: string;
  /** Copies reference rows (m >= 1 rows of d normalised values) into the backend's layout. */
  prepareReference(rows: readonly Float32Array[], d: number): PreparedReference;
  /** Max-averages of answer rows (n >= 1 rows of d normalised values) against a prepared reference. */
  directionalScores(answerRows: readonly Float32Array[], reference: PreparedReference): DirectionalScores;
  /** S itself (n x m, row-major, a new array): for tests and inspection, not the hot path. */
  similarityMatrix(answerRows: readonly Float32Array[], reference: PreparedReference): Float32Array;
}

/** Throws unless `rows` is at least one row of at least d >= 1 values. */
export function checkRows(what: string, rows: readonly Float32Array[], d: number): void {
  if (!Number.isInteger(d) || d < 1) throw new RangeError(`${what}: hidden size must be a whole number >= 1, found ${d}`);
  if (rows.length < 1) throw new RangeError(`${what}: expected at least one row, found none`);
  rows.forEach((row, i) => {
    if (!(row instanceof Float32Array) || row.length < d) {
      throw new RangeError(`${what}: row ${i} must be a Float32Array of at least ${d} values, found ${row?.length ?? typeof row}`);
    }
  });
}

/** The n rows of a row-major n x d matrix, as views (no copy). */
export function rowViews(matrix: Float32Array, n: number, d: number): Float32Array[] {
  if (matrix.length < n * d) throw new RangeError(`${n} x ${d} rows need ${n * d} values, the array has ${matrix.length}`);
  return Array.from({ length: n }, (_, i) => matrix.subarray(i * d, (i + 1) * d));
}

/**
 * Row and column max-averages of the n x m block of `s` starting at `offset` with row stride
 * `stride`. `colMax` is scratch of length >= m; the column maxima are kept while rows are scanned.
 */
export function maxAverages(
  s: Float32Array,
  n: number,
  m: number,
  stride: number,
  colMax: Float32Array,
  offset = 0,
): DirectionalScores {
  colMax.fill(-Infinity, 0, m);
  let rowSum = 0;
  for (let i = 0; i < n; i++) {
    const base = offset + i * stride;
    let best = -Infinity;
    for (let j = 0; j < m; j++) {
      const v = s[base + j];
      if (v > best) best = v;
      if (v > colMax[j]) colMax[j] = v;
    }
    rowSum += best;
  }
  let colSum = 0;
  for (let j = 0; j < m; j++) colSum += colMax[j];
  return { answerToReference: rowSum / n, referenceToAnswer: colSum / m };
}
