import {
  checkRows,
  maxAverages,
  type DirectionalScores,
  type PreparedReference,
  type SimilarityBackend,
} from './similarity-backend';

class JsPreparedReference implements PreparedReference {
  constructor(
    readonly data: readonly Float32Array[],
    readonly rows: number,
    readonly hiddenSize: number,
  ) {}
}

function dot(a: Float32Array, b: Float32Array, d: number): number {
  let sum = 0;
  for (let k = 0; k < d; k++) sum += a[k] * b[k];
  return sum;
}

/**
 * S = R G^T (n x m, row-major into `s`) from rows of R and G: 2 x 2 blocks of dot products share
 * their loads, which roughly doubles plain JS speed over one dot product at a time.
 */
export function similarityMatrixJs(r: readonly Float32Array[], g: readonly Float32Array[], d: number, s: Float32Array): void {
  const n = r.length;
  const m = g.length;
  const n2 = n - (n % 2);
  const m2 = m - (m % 2);
  for (let i = 0; i < n2; i += 2) {
    const a0 = r[i];
    const a1 = r[i + 1];
    for (let j = 0; j < m2; j += 2) {
      const b0 = g[j];
      const b1 = g[j + 1];
      let s00 = 0;
      let s01 = 0;
      let s10 = 0;
      let s11 = 0;
      for (let k = 0; k < d; k++) {
        const x0 = a0[k];
        const x1 = a1[k];
        const y0 = b0[k];
        const y1 = b1[k];
        s00 += x0 * y0;
        s01 += x0 * y1;
        s10 += x1 * y0;
        s11 += x1 * y1;
      }
      s[i * m + j] = s00;
      s[i * m + j + 1] = s01;
      s[(i + 1) * m + j] = s10;
      s[(i + 1) * m + j + 1] = s11;
    }
    if (m2 < m) {
      s[i * m + m2] = dot(a0, g[m2], d);
      s[(i + 1) * m + m2] = dot(a1, g[m2], d);
    }
  }
  if (n2 < n) {
    for (let j = 0; j < m; j++) s[n2 * m + j] = dot(r[n2], g[j], d);
  }
}

/** The plain-JavaScript backend: used where WebAssembly SIMD is unavailable. */
export class JsSimilarity implements SimilarityBackend {
  readonly name = 'js';
  private s = new Float32Array(0);
  private colMax = new Float32Array(0);

  prepareReference(rows: readonly Float32Array[], d: number): PreparedReference {
    checkRows('reference rows', rows, d);
    return new JsPreparedReference(
      rows.map((row) => row.slice(0, d)),
      rows.length,
      d,
    );
  }

  directionalScores(answerRows: readonly Float32Array[], reference: PreparedReference): DirectionalScores {
    const m = this.compute(answerRows, reference);
    if (this.colMax.length < m) this.colMax = new Float32Array(m);
    return maxAverages(this.s, answerRows.length, m, m, this.colMax);
  }

  similarityMatrix(answerRows: readonly Float32Array[], reference: PreparedReference): Float32Array {
    const m = this.compute(answerRows, reference);
    return this.s.slice(0, answerRows.length * m);
  }

  /** Fills this.s with S; returns m. */
  private compute(answerRows: readonly Float32Array[], reference: PreparedReference): number {
    if (!(reference instanceof JsPreparedReference)) {
      throw new TypeError('js similarity: the reference was prepared by another backend; prepare it with this one');
    }
    const { rows: m, hiddenSize: d } = reference;
    checkRows('answer rows', answerRows, d);
    const n = answerRows.length;
    if (this.s.length < n * m) this.s = new Float32Array(n * m);
    similarityMatrixJs(answerRows, reference.data, d, this.s);
    return m;
  }
}
