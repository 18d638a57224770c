/**
 * Ridge regression y ~ X w + b: minimises |X w + b - y|^2 + lambda |w|^2 (the intercept b is not
 * penalised: X and y are centred first), solved exactly through the normal equations
 * (X^T X + lambda I) w = X^T y by Cholesky. For the small probes here (a few hundred features).
 */
export interface RidgeFit {
  readonly weights: Float64Array;
  readonly intercept: number;
}

function columnMeans(rows: readonly ArrayLike<number>[], features: number): Float64Array {
  const means = new Float64Array(features);
  for (const row of rows) for (let j = 0; j < features; j++) means[j] += row[j];
  return means.map((sum) => sum / rows.length);
}

/** Solves A x = b for a symmetric positive definite A (n x n, row-major), by Cholesky A = L L^T. */
export function choleskySolve(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * n + j];
      for (let k = 0; k < j; k++) sum -= l[i * n + k] * l[j * n + k];
      if (i === j) {
        if (!(sum > 0)) throw new Error(`choleskySolve: the matrix is not positive definite (pivot ${i} is ${sum})`);
        l[i * n + i] = Math.sqrt(sum);
      } else {
        l[i * n + j] = sum / l[j * n + j];
      }
    }
  }
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= l[i * n + k] * z[k];
    z[i] = sum / l[i * n + i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = z[i];
    for (let k = i + 1; k < n; k++) sum -= l[k * n + i] * x[k];
    x[i] = sum / l[i * n + i];
  }
  return x;
}

export function fitRidge(rows: readonly ArrayLike<number>[], targets: ArrayLike<number>, lambda: number): RidgeFit {
  if (rows.length === 0 || rows.length !== targets.length) throw new Error(`fitRidge: ${rows.length} rows for ${targets.length} targets`);
  if (!(lambda > 0)) throw new Error(`fitRidge: lambda must be > 0, found ${lambda}`);
  const features = rows[0].length;
  const means = columnMeans(rows, features);
  let targetMean = 0;
  for (let i = 0; i < targets.length; i++) targetMean += targets[i] / targets.length;
  const gram = new Float64Array(features * features);
  const moment = new Float64Array(features);
  const centred = new Float64Array(features);
  rows.forEach((row, r) => {
    for (let j = 0; j < features; j++) centred[j] = row[j] - means[j];
    const y = targets[r] - targetMean;
    for (let i = 0; i < features; i++) {
      moment[i] += centred[i] * y;
      for (let j = 0; j <= i; j++) gram[i * features + j] += centred[i] * centred[j];
    }
  });
  for (let i = 0; i < features; i++) {
    gram[i * features + i] += lambda;
    for (let j = 0; j < i; j++) gram[j * features + i] = gram[i * features + j];
  }
  const weights = choleskySolve(gram, moment, features);
  const intercept = targetMean - weights.reduce((sum, w, j) => sum + w * means[j], 0);
  return { weights, intercept };
}

export function predictRidge(fit: RidgeFit, row: ArrayLike<number>): number {
  let sum = fit.intercept;
  for (let j = 0; j < fit.weights.length; j++) sum += fit.weights[j] * row[j];
  return sum;
}

/** Rows of features and the value each should predict. */
export interface RegressionRows {
  readonly rows: readonly ArrayLike<number>[];
  readonly values: readonly number[];
}

/** The mean absolute error on `test` of a ridge read-out fitted on `train`. */
export function heldOutAbsoluteError(train: RegressionRows, test: RegressionRows, lambda: number): number {
  const fit = fitRidge(train.rows, train.values, lambda);
  return test.rows.reduce((sum, row, i) => sum + Math.abs(predictRidge(fit, row) - test.values[i]), 0) / test.rows.length;
}
