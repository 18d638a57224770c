import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseBenchTsv, tsvField } from '@mixed-r1/data-engine';

/**
 * The first `perTask` rows of each task type of a held-out benchmark (VLMEvalKit TSV with our
 * `task` column), written as a TSV of the same columns: a fixed, balanced subset that the before
 * and after evaluations share.
 */
export function writeBenchSubset(benchFile: string, perTask: number, out: string): number {
  const text = readFileSync(benchFile, 'utf8');
  const header = text.slice(0, text.indexOf('\n')).split('\t');
  const taken = new Map<string, number>();
  const rows = parseBenchTsv(text).filter((row) => {
    const task = row.task ?? row.category ?? '';
    const count = taken.get(task) ?? 0;
    taken.set(task, count + 1);
    return count < perTask;
  });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, [header.join('\t'), ...rows.map((row) => header.map((column) => tsvField(row[column] ?? '')).join('\t'))].join('\n') + '\n');
  return rows.length;
}
