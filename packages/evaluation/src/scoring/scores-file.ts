import { readFileSync } from 'node:fs';
import type { ScoredRow } from './scored-row';

/** JSONL text of scored rows, one per line, in order. */
export function scoresJsonl(rows: readonly ScoredRow[]): string {
  return rows.map((row) => `${JSON.stringify(row)}\n`).join('');
}

/** Scored rows read back from a run's `scores.jsonl`; errors name the file and line. */
export function readScores(file: string): ScoredRow[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${file}: cannot read the scores (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); is this an evaluation output folder?`);
  }
  return text
    .split('\n')
    .map((line, i) => ({ line, number: i + 1 }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, number }) => {
      try {
        const row = JSON.parse(line) as ScoredRow;
        if (typeof row.benchmark !== 'string' || typeof row.index !== 'string' || typeof row.metrics !== 'object') throw new Error('not a scored row');
        return row;
      } catch (error) {
        throw new Error(`${file}:${number}: ${(error as Error).message}`);
      }
    });
}
