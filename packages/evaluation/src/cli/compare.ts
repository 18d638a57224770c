import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { comparisonHtml } from '../report/compare-html';
import { comparisonMarkdown } from '../report/compare-markdown';
import { readScores } from '../scoring/scores-file';
import { compareRuns, type Comparison } from '../summary/compare';
import { DEFAULT_BOOTSTRAP, type BootstrapSettings } from '../summary/group-summary';
import { RESULTS_SCHEMA, type EvalResults } from '../summary/results';
import { OUTPUT_FILES, writeOutput } from './output-files';

/** A run's label: its model or predictions file name, else the folder name. */
function labelOf(dir: string): string {
  const file = path.join(dir, OUTPUT_FILES.results);
  if (!existsSync(file)) return path.basename(path.resolve(dir));
  let results: Partial<EvalResults>;
  try {
    results = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
  if (results.schema !== RESULTS_SCHEMA) throw new Error(`${file}: not an evaluation results file (schema ${JSON.stringify(results.schema)}, expected "${RESULTS_SCHEMA}")`);
  const source = results.settings?.model ?? results.settings?.predictions?.[0];
  return source ? path.basename(path.resolve(source)) : path.basename(path.resolve(dir));
}

export interface CompareOptions {
  /** Run A (before) and run B (after): evaluation output folders. */
  readonly a: string;
  readonly b: string;
  /** Where comparison.json, comparison.md and comparison.html go. */
  readonly out: string;
  readonly bootstrap?: Partial<BootstrapSettings>;
}

/** Compares two evaluation output folders (their scores.jsonl) and writes the comparison reports. */
export function compareOutputs(options: CompareOptions): { comparison: Comparison; files: Record<'json' | 'markdown' | 'html', string> } {
  const run = (dir: string) => ({ dir, label: labelOf(dir), rows: readScores(path.join(dir, OUTPUT_FILES.scores)) });
  const comparison = compareRuns(run(options.a), run(options.b), { ...DEFAULT_BOOTSTRAP, ...options.bootstrap });
  if (comparison.pairedRows === 0) throw new Error(`--compare: ${options.a} and ${options.b} have no row in common (rows are matched by benchmark name and index)`);
  const files = {
    json: path.join(options.out, OUTPUT_FILES.comparison),
    markdown: path.join(options.out, OUTPUT_FILES.comparisonMarkdown),
    html: path.join(options.out, OUTPUT_FILES.comparisonHtml),
  };
  writeOutput(files.json, `${JSON.stringify(comparison, null, 2)}\n`);
  writeOutput(files.markdown, comparisonMarkdown(comparison));
  writeOutput(files.html, comparisonHtml(comparison));
  return { comparison, files };
}
