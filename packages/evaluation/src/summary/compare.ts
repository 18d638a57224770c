import { TASK_TYPES, type TaskType } from '@mixed-r1/records';
import type { MetricName } from '../metrics/metric';
import { METRIC_NAMES } from '../metrics/metric';
import { METRICS, TASK_METRIC } from '../metrics/registry';
import type { ScoredRow } from '../scoring/scored-row';
import { bootstrapMean, pairedBootstrapDifference, type Estimate } from '../stats/bootstrap';
import { groupSeed } from '../stats/seeded-random';
import { DEFAULT_BOOTSTRAP, type BootstrapSettings } from './group-summary';

export const COMPARISON_SCHEMA = 'mixed-r1/evaluation-comparison';

/** The method of a comparison's interval, as written in reports. */
export const COMPARISON_METHOD =
  'paired percentile bootstrap of the mean difference (B - A) over the rows both runs scored: rows are resampled with replacement, each keeping its A and B values; a difference is significant when its CI excludes 0';

/** One quantity (accuracy or a metric) of one group in runs A and B, on their common rows. */
export interface ComparedValue {
  /** "accuracy" or a metric name. */
  readonly quantity: 'accuracy' | MetricName;
  readonly label: string;
  /** Rows that have a value in both runs. */
  readonly pairs: number;
  readonly a: Estimate | null;
  readonly b: Estimate | null;
  /** B - A with its paired-bootstrap CI. */
  readonly difference: Estimate | null;
  /** The difference's CI excludes 0. */
  readonly significant: boolean;
}

export interface ComparedGroup {
  readonly key: string;
  readonly label: string;
  readonly benchmark: string | null;
  readonly task: TaskType | null;
  readonly category: string | null;
  /** The group's headline quantity (accuracy; mean BMAS for open-ended) first, then each metric. */
  readonly values: readonly ComparedValue[];
}

export interface Comparison {
  readonly schema: typeof COMPARISON_SCHEMA;
  readonly a: { readonly dir: string; readonly label: string; readonly rows: number };
  readonly b: { readonly dir: string; readonly label: string; readonly rows: number };
  /** Rows scored in both runs (matched by benchmark and index). */
  readonly pairedRows: number;
  /** Rows only one run scored: not in any comparison. */
  readonly onlyA: number;
  readonly onlyB: number;
  readonly method: string;
  readonly bootstrap: BootstrapSettings;
  readonly overall: ComparedGroup;
  readonly tasks: readonly ComparedGroup[];
  readonly benchmarks: readonly { readonly summary: ComparedGroup; readonly tasks: readonly ComparedGroup[]; readonly categories: readonly ComparedGroup[] }[];
}

type Pair = readonly [ScoredRow, ScoredRow];

function valueOf(row: ScoredRow, quantity: 'accuracy' | MetricName): number | null {
  if (quantity === 'accuracy') return row.correct;
  const value = row.metrics[quantity];
  return value === undefined ? null : value;
}

function compareQuantity(pairs: readonly Pair[], quantity: 'accuracy' | MetricName, label: string, settings: BootstrapSettings): ComparedValue | null {
  const a: number[] = [];
  const b: number[] = [];
  for (const [rowA, rowB] of pairs) {
    const valueA = valueOf(rowA, quantity);
    const valueB = valueOf(rowB, quantity);
    if (valueA !== null && valueB !== null) {
      a.push(valueA);
      b.push(valueB);
    }
  }
  if (a.length === 0) return null;
  const options = (suffix: string) => ({ resamples: settings.resamples, level: settings.level, seed: groupSeed(settings.seed, `${quantity}#${suffix}`) });
  const difference = pairedBootstrapDifference(a, b, options('difference'));
  const significant = difference !== null && (difference.ci[0] > 0 || difference.ci[1] < 0);
  return { quantity, label, pairs: a.length, a: bootstrapMean(a, options('a')), b: bootstrapMean(b, options('b')), difference, significant };
}

function compareGroup(
  group: { key: string; label: string; benchmark?: string | null; task?: TaskType | null; category?: string | null },
  pairs: readonly Pair[],
  settings: BootstrapSettings,
): ComparedGroup {
  const task = group.task ?? null;
  const headlineMetric = task === null ? null : TASK_METRIC[task];
  const accuracyLabel = headlineMetric && METRICS[headlineMetric].binary ? METRICS[headlineMetric].label : 'accuracy';
  const accuracy = compareQuantity(pairs, 'accuracy', accuracyLabel, settings);
  const metrics = METRIC_NAMES.filter((name) => !(METRICS[name].binary && headlineMetric === name)).flatMap(
    (name) => compareQuantity(pairs, name, METRICS[name].label, settings) ?? [],
  );
  const values = accuracy ? [accuracy, ...metrics] : metrics;
  return { key: group.key, label: group.label, benchmark: group.benchmark ?? null, task, category: group.category ?? null, values };
}

const rowKey = (row: ScoredRow) => `${row.benchmark}\u0000${row.index}`;

/**
 * Compares two runs' scored rows on the rows both scored: per group (all, per task, per benchmark,
 * its tasks and categories) each quantity's means in A and B and the paired-bootstrap CI of B - A.
 */
export function compareRuns(
  a: { dir: string; label: string; rows: readonly ScoredRow[] },
  b: { dir: string; label: string; rows: readonly ScoredRow[] },
  settings: BootstrapSettings = DEFAULT_BOOTSTRAP,
): Comparison {
  const byKey = new Map(b.rows.map((row) => [rowKey(row), row]));
  const pairs: Pair[] = a.rows.flatMap((row) => {
    const other = byKey.get(rowKey(row));
    return other ? [[row, other] as const] : [];
  });
  const paired = new Set(pairs.map(([row]) => rowKey(row)));
  const where = (test: (row: ScoredRow) => boolean) => pairs.filter(([row]) => test(row));
  const benchmarks = [...new Set(pairs.map(([row]) => row.benchmark))].map((benchmark) => {
    const prefix = `benchmark=${benchmark}`;
    const inBench = where((row) => row.benchmark === benchmark);
    const tasks = TASK_TYPES.filter((task) => inBench.some(([row]) => row.task === task)).map((task) =>
      compareGroup({ key: `${prefix}/task=${task}`, label: task, benchmark, task }, inBench.filter(([row]) => row.task === task), settings),
    );
    const categories = [...new Set(inBench.map(([row]) => row.category))].map((category) => {
      const rows = inBench.filter(([row]) => row.category === category);
      const taskSet = [...new Set(rows.map(([row]) => row.task))];
      return compareGroup({ key: `${prefix}/category=${category}`, label: category, benchmark, category, task: taskSet.length === 1 ? taskSet[0] : null }, rows, settings);
    });
    return { summary: compareGroup({ key: prefix, label: benchmark, benchmark }, inBench, settings), tasks, categories };
  });
  return {
    schema: COMPARISON_SCHEMA,
    a: { dir: a.dir, label: a.label, rows: a.rows.length },
    b: { dir: b.dir, label: b.label, rows: b.rows.length },
    pairedRows: pairs.length,
    onlyA: a.rows.length - pairs.length,
    onlyB: b.rows.filter((row) => !paired.has(rowKey(row))).length,
    method: COMPARISON_METHOD,
    bootstrap: settings,
    overall: compareGroup({ key: 'all', label: 'all benchmarks' }, pairs, settings),
    tasks: TASK_TYPES.filter((task) => pairs.some(([row]) => row.task === task)).map((task) =>
      compareGroup({ key: `task=${task}`, label: task, task }, where((row) => row.task === task), settings),
    ),
    benchmarks,
  };
}
