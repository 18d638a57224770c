/**
 * The micro-batches of a step: consecutive runs of `size` of the given sequence indices (the last
 * may be shorter); one run of everything when size is null. Rollouts arrive group by group, so a
 * micro-batch holds whole groups when size is a multiple of G.
 */
export function microBatches(indices: readonly number[], size: number | null): number[][] {
  const step = size ?? Math.max(indices.length, 1);
  const out: number[][] = [];
  for (let start = 0; start < indices.length; start += step) out.push(indices.slice(start, start + step));
  return out;
}
