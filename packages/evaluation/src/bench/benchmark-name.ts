import path from 'node:path';

/** A benchmark's name: its file name without the extension ("data/MMStar.tsv" -> "MMStar"). */
export function benchmarkNameOf(file: string): string {
  const base = path.basename(file);
  const dot = base.indexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}
