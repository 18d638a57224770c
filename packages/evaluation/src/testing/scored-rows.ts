import type { TaskType } from '@mixed-r1/records';
import type { MetricName } from '../metrics/metric';
import { METRICS, metricsForTask, TASK_METRIC } from '../metrics/registry';
import type { ScoredRow } from '../scoring/scored-row';

/**
 * A scored row for tests of summaries and reports: `value` is the task's headline metric (0/1, or
 * BMAS for open-ended), every other metric of the task takes `others` (default: the same value).
 */
export function scoredRow(benchmark: string, index: string | number, task: TaskType, value: number | null, options: { category?: string; format?: number; others?: Partial<Record<MetricName, number | null>>; completion?: string } = {}): ScoredRow {
  const headline = TASK_METRIC[task];
  const metrics: Partial<Record<MetricName, number | null>> = {};
  for (const metric of metricsForTask(task)) metrics[metric.name] = metric.name === 'format' ? (options.format ?? 1) : (options.others?.[metric.name] ?? value);
  metrics[headline] = value;
  const correct = METRICS[headline].binary && value !== null ? (value >= 1 ? 1 : 0) : null;
  return {
    benchmark,
    index: String(index),
    task,
    category: options.category ?? task,
    status: 'ok',
    completion: options.completion ?? `<think>t</think><answer>${value}</answer>`,
    answer: String(value),
    target: 'truth',
    metrics,
    correct,
    reward: { total: (value ?? 0) + (options.format ?? 1), format: options.format ?? 1, matching: null, chart: null, iou: null, bmas: null },
    reason: value === null ? 'no embedding table given' : null,
  };
}
