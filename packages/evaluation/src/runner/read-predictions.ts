import { createReadStream, existsSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { LoadIssue } from '../bench/bench-row';
import type { PredictionRecord } from './prediction-record';

/** Predictions of some engine for some benchmarks, keyed by benchmark then index. */
export interface ForeignPredictions {
  readonly byBenchmark: Map<string, Map<string, PredictionRecord>>;
  /** Lines that could not be used (bad JSON, no index, duplicate, unknown benchmark or index). */
  readonly issues: LoadIssue[];
}

/**
 * Reads a predictions file made by any engine (score-only mode): JSONL lines
 * `{"index": ..., "prediction": "..."}`, with `"benchmark"` when the file covers several
 * benchmarks. `benchmarks` lists the loaded benchmarks: a line without a benchmark belongs to the
 * only one, or to `defaultBenchmark`. A second prediction for a row is reported and ignored.
 */
export async function readForeignPredictions(file: string, benchmarks: readonly string[], defaultBenchmark: string | null): Promise<ForeignPredictions> {
  if (!existsSync(file) || !statSync(file).isFile()) throw new Error(`--predictions ${file}: no such file; give a JSONL file of {"index", "prediction"} lines`);
  const byBenchmark = new Map<string, Map<string, PredictionRecord>>(benchmarks.map((name) => [name, new Map()]));
  const issues: LoadIssue[] = [];
  let lineNumber = 0;
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    lineNumber++;
    if (line.trim() === '') continue;
    const issue = (benchmark: string, index: string | null, reason: string) => issues.push({ benchmark, file, row: lineNumber, line: lineNumber, index, reason });
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(line);
    } catch (error) {
      issue(defaultBenchmark ?? '', null, `not valid JSON (${(error as Error).message})`);
      continue;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      issue(defaultBenchmark ?? '', null, 'a line must be a JSON object {"index", "prediction"}');
      continue;
    }
    const benchmark = typeof value.benchmark === 'string' ? value.benchmark : defaultBenchmark;
    const index = typeof value.index === 'string' || (typeof value.index === 'number' && Number.isFinite(value.index)) ? String(value.index) : null;
    if (benchmark === null) {
      issue('', index, `no "benchmark" field, and --bench names ${benchmarks.length} benchmarks (${benchmarks.join(', ')}); say which one each line belongs to`);
      continue;
    }
    const rows = byBenchmark.get(benchmark);
    if (!rows) {
      issue(benchmark, index, `"benchmark" ${JSON.stringify(benchmark)} is not one of the loaded benchmarks (${benchmarks.join(', ')})`);
      continue;
    }
    if (index === null) {
      issue(benchmark, null, `"index" must be a string or a number, found ${JSON.stringify(value.index) ?? 'nothing'}`);
      continue;
    }
    if (typeof value.prediction !== 'string') {
      issue(benchmark, index, `"prediction" must be a string, found ${JSON.stringify(value.prediction) ?? 'nothing'}`);
      continue;
    }
    if (rows.has(index)) {
      issue(benchmark, index, 'a second prediction for this row; the first one is kept');
      continue;
    }
    rows.set(index, { benchmark, index, prediction: value.prediction });
  }
  return { byBenchmark, issues };
}
