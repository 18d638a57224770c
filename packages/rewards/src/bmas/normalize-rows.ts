/**
 * L2-normalises `row` in place (norm accumulated in float64). A zero row stays zero, so its
 * cosine similarity with anything is 0 rather than NaN. Non-finite values are an error: a
 * NaN or infinity in an embedding table is corruption, not a similarity.
 */
export function normalizeRow(row: Float32Array, describe: () => string): Float32Array {
  let sumSquares = 0;
  for (let k = 0; k < row.length; k++) sumSquares += row[k] * row[k];
  if (!Number.isFinite(sumSquares)) {
    throw new Error(`${describe()} has a non-finite value (NaN or infinity); check the embedding table`);
  }
  if (sumSquares === 0) return row;
  const inverse = 1 / Math.sqrt(sumSquares);
  for (let k = 0; k < row.length; k++) row[k] *= inverse;
  return row;
}
