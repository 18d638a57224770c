import { TASK_TYPES, type TaskType } from '@mixed-r1/records';
import type { LoadedBench, LoadIssue } from '../bench/bench-row';
import type { MetricName } from '../metrics/metric';
import { METRICS } from '../metrics/registry';
import { METRIC_NAMES } from '../metrics/metric';
import type { ScoredRow } from '../scoring/scored-row';
import { chooseExamples, type Example } from './examples';
import { DEFAULT_BOOTSTRAP, summarizeGroup, type BootstrapSettings, type GroupSummary } from './group-summary';

export const RESULTS_SCHEMA = 'mixed-r1/evaluation-results';
export const RESULTS_VERSION = 1;

/** One benchmark's results: how it was read, and its summaries overall, per task and per category. */
export interface BenchmarkResults {
  readonly name: string;
  readonly file: string;
  readonly format: string;
  /** Rows read (scored); rows that could not be read are in `issues`. */
  readonly rows: number;
  readonly issues: readonly LoadIssue[];
  /** Rows with no prediction (scored as empty completions). */
  readonly missing: number;
  /** Rows whose generation failed (scored as empty completions). */
  readonly failed: number;
  readonly summary: GroupSummary;
  readonly tasks: readonly GroupSummary[];
  readonly categories: readonly GroupSummary[];
}

/** How the run was made: recorded so a result can be reproduced and two runs compared fairly. */
export interface RunSettings {
  /** The model folder evaluated, or null in score-only mode. */
  readonly model: string | null;
  /** What generated the completions (the generator's description), or null. */
  readonly generator: string | null;
  /** The predictions files scored (score-only mode), or null. */
  readonly predictions: readonly string[] | null;
  readonly boxFrame: string;
  readonly inputFrame: { readonly minPixels: number; readonly maxPixels: number };
  readonly embeddings: string | null;
  readonly prompt: { readonly instruction: string | null; readonly system?: string | null };
  readonly generation: Readonly<Record<string, unknown>> | null;
  readonly taskMap: Readonly<Record<string, TaskType>>;
  readonly bootstrap: BootstrapSettings;
}

/** Everything `results.json` holds. */
export interface EvalResults {
  readonly schema: typeof RESULTS_SCHEMA;
  readonly version: typeof RESULTS_VERSION;
  readonly createdAt: string;
  readonly settings: RunSettings;
  readonly metrics: readonly { readonly name: MetricName; readonly label: string; readonly definition: string }[];
  readonly overall: GroupSummary;
  /** Per task type, over every benchmark. */
  readonly tasks: readonly GroupSummary[];
  readonly benchmarks: readonly BenchmarkResults[];
  /** A few rows per task with their completions and scores. */
  readonly examples: readonly Example[];
  /** Things a reader must know (n/a metrics, missing predictions, unreadable rows). */
  readonly notes: readonly string[];
}

/** A benchmark with its scored rows. */
export interface ScoredBench {
  readonly bench: LoadedBench;
  readonly scored: readonly ScoredRow[];
}

function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function benchmarkResults(entry: ScoredBench, settings: BootstrapSettings): BenchmarkResults {
  const { bench, scored } = entry;
  const prefix = `benchmark=${bench.name}`;
  const tasks = TASK_TYPES.filter((task) => scored.some((row) => row.task === task)).map((task) =>
    summarizeGroup({ key: `${prefix}/task=${task}`, label: task, benchmark: bench.name, task }, scored.filter((row) => row.task === task), settings),
  );
  const categories = distinct(scored.map((row) => row.category)).map((category) => {
    const rows = scored.filter((row) => row.category === category);
    const onlyTask = distinct(rows.map((row) => row.task));
    const task = onlyTask.length === 1 ? onlyTask[0] : null;
    return summarizeGroup({ key: `${prefix}/category=${category}`, label: category, benchmark: bench.name, category, task }, rows, settings);
  });
  return {
    name: bench.name,
    file: bench.file,
    format: bench.format,
    rows: scored.length,
    issues: bench.issues,
    missing: scored.filter((row) => row.status === 'missing').length,
    failed: scored.filter((row) => row.status === 'failed').length,
    summary: summarizeGroup({ key: prefix, label: bench.name, benchmark: bench.name }, scored, settings),
    tasks,
    categories,
  };
}

function notesOf(benchmarks: readonly BenchmarkResults[], all: readonly ScoredRow[]): string[] {
  const notes: string[] = [];
  for (const bench of benchmarks) {
    if (bench.issues.length > 0) notes.push(`${bench.name}: ${bench.issues.length} row(s) could not be read and are not scored (see issues).`);
    if (bench.missing > 0) notes.push(`${bench.name}: ${bench.missing} row(s) have no prediction and are scored as empty completions.`);
    if (bench.failed > 0) notes.push(`${bench.name}: generation failed for ${bench.failed} row(s); they are scored as empty completions.`);
  }
  const openEnded = all.filter((row) => row.task === 'open_ended');
  const noBmas = openEnded.find((row) => row.metrics.bmas === null);
  if (noBmas) notes.push(`BMAS is n/a for ${openEnded.filter((row) => row.metrics.bmas === null).length} open-ended row(s): ${noBmas.reason}`);
  return notes;
}

/** The results of a run: every summary with its CI, examples and notes. */
export function buildResults(benches: readonly ScoredBench[], settings: Omit<RunSettings, 'bootstrap'> & { bootstrap?: BootstrapSettings }, createdAt = new Date().toISOString()): EvalResults {
  const bootstrap = settings.bootstrap ?? DEFAULT_BOOTSTRAP;
  const all = benches.flatMap((entry) => entry.scored);
  const benchmarks = benches.map((entry) => benchmarkResults(entry, bootstrap));
  const tasks = TASK_TYPES.filter((task) => all.some((row) => row.task === task)).map((task) =>
    summarizeGroup({ key: `task=${task}`, label: task, task }, all.filter((row) => row.task === task), bootstrap),
  );
  return {
    schema: RESULTS_SCHEMA,
    version: RESULTS_VERSION,
    createdAt,
    settings: { ...settings, bootstrap },
    metrics: METRIC_NAMES.map((name) => ({ name, label: METRICS[name].label, definition: METRICS[name].definition })),
    overall: summarizeGroup({ key: 'all', label: 'all benchmarks' }, all, bootstrap),
    tasks,
    benchmarks,
    examples: chooseExamples(benches, { seed: bootstrap.seed }),
    notes: notesOf(benchmarks, all),
  };
}
