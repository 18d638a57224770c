import type { TaskType } from '@mixed-r1/records';
import type { MetricName } from '../metrics/metric';
import { METRICS, TASK_METRIC } from '../metrics/registry';
import { METRIC_NAMES } from '../metrics/metric';
import type { ScoredRow } from '../scoring/scored-row';
import { bootstrapMean, type Estimate } from '../stats/bootstrap';
import { groupSeed } from '../stats/seeded-random';

/** Bootstrap settings of a run: resamples, interval coverage, seed. */
export interface BootstrapSettings {
  readonly resamples: number;
  readonly level: number;
  readonly seed: number;
}

export const DEFAULT_BOOTSTRAP: BootstrapSettings = Object.freeze({ resamples: 1000, level: 0.95, seed: 0 });

/** One metric over a group of rows. */
export interface MetricSummary {
  readonly metric: MetricName;
  /** Rows of the group the metric applies to. */
  readonly rows: number;
  /** Mean and CI over the rows that have a value; null when none has. */
  readonly estimate: Estimate | null;
  /** Rows without a value, and why (the first reason met), e.g. BMAS without an embedding table. */
  readonly withoutValue: number;
  readonly unavailable: string | null;
}

/** The number a group is summed up by: accuracy, or for open-ended-only groups mean BMAS. */
export interface Headline {
  readonly metric: MetricName | 'accuracy';
  readonly label: string;
  readonly estimate: Estimate | null;
  readonly unavailable: string | null;
}

/** A group of scored rows (all, a benchmark, a task, a category) summarised. */
export interface GroupSummary {
  /** "all", "benchmark=MMStar", "benchmark=MMStar/task=chart", "task=chart", "benchmark=MMStar/category=OCR". */
  readonly key: string;
  readonly label: string;
  readonly benchmark: string | null;
  readonly task: TaskType | null;
  readonly category: string | null;
  readonly rows: number;
  /** Mean correctness over rows whose headline metric is a correctness (every task but open_ended). */
  readonly accuracy: Estimate | null;
  readonly headline: Headline;
  readonly metrics: readonly MetricSummary[];
}

export interface GroupKey {
  readonly key: string;
  readonly label: string;
  readonly benchmark?: string | null;
  readonly task?: TaskType | null;
  readonly category?: string | null;
}

/**
 * The resampling seed depends on the run seed and the quantity only: groups holding the same rows
 * (a benchmark's only task, all benchmarks when there is one) get the same interval.
 */
function estimate(values: number[], settings: BootstrapSettings, quantity: string): Estimate | null {
  return bootstrapMean(values, { resamples: settings.resamples, level: settings.level, seed: groupSeed(settings.seed, quantity) });
}

function metricSummary(rows: readonly ScoredRow[], metric: MetricName, settings: BootstrapSettings): MetricSummary | null {
  const applying = rows.filter((row) => metric in row.metrics);
  if (applying.length === 0) return null;
  const values: number[] = [];
  let unavailable: string | null = null;
  for (const row of applying) {
    const value = row.metrics[metric];
    if (value === null || value === undefined) unavailable ??= row.reason ?? 'no value';
    else values.push(value);
  }
  return { metric, rows: applying.length, estimate: estimate(values, settings, metric), withoutValue: applying.length - values.length, unavailable };
}

function headlineOf(rows: readonly ScoredRow[], accuracy: Estimate | null, metrics: readonly MetricSummary[], task: TaskType | null): Headline {
  const metricName = task !== null ? TASK_METRIC[task] : rows.every((row) => row.correct === null) && rows.length > 0 ? 'bmas' : null;
  if (metricName !== null && !METRICS[metricName].binary) {
    const summary = metrics.find((m) => m.metric === metricName);
    return { metric: metricName, label: METRICS[metricName].label, estimate: summary?.estimate ?? null, unavailable: summary?.unavailable ?? null };
  }
  const label = metricName ? METRICS[metricName].label : 'accuracy';
  return { metric: 'accuracy', label, estimate: accuracy, unavailable: accuracy ? null : 'no row with a correctness' };
}

/**
 * Summarises a group of scored rows: accuracy (mean correctness, rows of every task but
 * open_ended), each applicable metric's mean, all with percentile-bootstrap CIs whose seed derives
 * from the run seed and the quantity (a group gets the same CI whatever else is in the run).
 */
export function summarizeGroup(group: GroupKey, rows: readonly ScoredRow[], settings: BootstrapSettings = DEFAULT_BOOTSTRAP): GroupSummary {
  const correct = rows.flatMap((row) => (row.correct === null ? [] : [row.correct]));
  const accuracy = estimate(correct, settings, 'accuracy');
  const metrics = METRIC_NAMES.flatMap((metric) => metricSummary(rows, metric, settings) ?? []);
  const task = group.task ?? null;
  return {
    key: group.key,
    label: group.label,
    benchmark: group.benchmark ?? null,
    task,
    category: group.category ?? null,
    rows: rows.length,
    accuracy,
    headline: headlineOf(rows, accuracy, metrics, task),
    metrics,
  };
}
