import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Writes a file atomically (a temporary file in the same folder, renamed over the target). */
export function writeOutput(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

/** The files an evaluation writes into its output folder. */
export const OUTPUT_FILES = {
  results: 'results.json',
  markdown: 'results.md',
  html: 'report.html',
  scores: 'scores.jsonl',
  predictionsDir: 'predictions',
  comparison: 'comparison.json',
  comparisonMarkdown: 'comparison.md',
  comparisonHtml: 'comparison.html',
} as const;

/** The resumable predictions file of a benchmark in an output folder. */
export function predictionsFileOf(out: string, benchmark: string): string {
  return path.join(out, OUTPUT_FILES.predictionsDir, `${benchmark}.jsonl`);
}
