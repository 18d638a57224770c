import type { Data, Vector } from 'apache-arrow';

type ChunkReader<V> = (index: number) => V | null;

/**
 * A row-indexed reader over a column of one or more chunks, each read by `readChunk`.
 * Sequential access stays in the current chunk, so a full scan costs O(rows).
 */
export function chunkedReader<V>(vector: Vector, readChunk: (data: Data) => ChunkReader<V>): (row: number) => V | null {
  const chunks = vector.data;
  if (chunks.length === 1) return readChunk(chunks[0]);
  const readers = chunks.map(readChunk);
  const starts = chunkStarts(chunks);
  let current = 0;
  return (row) => {
    if (row < starts[current] || row >= starts[current + 1]) current = chunkOf(starts, row);
    return readers[current](row - starts[current]);
  };
}

function chunkStarts(chunks: readonly Data[]): number[] {
  const starts = [0];
  for (const chunk of chunks) starts.push(starts[starts.length - 1] + chunk.length);
  return starts;
}

function chunkOf(starts: readonly number[], row: number): number {
  let low = 0;
  let high = starts.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= row) low = middle;
    else high = middle - 1;
  }
  return low;
}
