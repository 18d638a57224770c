import type { MetricName } from '../metrics/metric';
import { METRICS } from '../metrics/registry';
import type { GroupSummary, MetricSummary } from '../summary/group-summary';
import { estimateText } from './format';
import type { ChartBar } from './charts/chart-parts';

// The numbers of a group as table cells and chart bars, shared by the Markdown and HTML reports.

/** The headline value of a group: "71.3 [68.2, 74.1]", or "n/a" with the reason. */
export function headlineText(group: GroupSummary): string {
  return estimateText(group.headline.estimate, group.headline.unavailable);
}

export function metricOf(group: GroupSummary, metric: MetricName): MetricSummary | undefined {
  return group.metrics.find((summary) => summary.metric === metric);
}

/** "mean IoU 63.4 [58.0, 68.9]; BMAS n/a": the group's metrics other than its headline and format. */
export function otherMetricsText(group: GroupSummary): string {
  const shown = new Set<string>(['format', group.headline.metric]);
  if (group.headline.metric === 'accuracy' && group.task !== null) shown.add('matching_accuracy').add('relaxed_accuracy').add('acc_iou_0_5');
  return group.metrics
    .filter((summary) => !shown.has(summary.metric))
    .map((summary) => `${METRICS[summary.metric].label} ${estimateText(summary.estimate, summary.unavailable)}`)
    .join('; ');
}

export function formatText(group: GroupSummary): string {
  const format = metricOf(group, 'format');
  return format ? estimateText(format.estimate, format.unavailable) : '–';
}

/** A chart bar of a group's headline (labelled by `label`, default the group's). */
export function headlineBar(group: GroupSummary, label = group.label): ChartBar {
  const estimate = group.headline.estimate;
  return { label, value: estimate?.mean ?? null, ci: estimate?.ci ?? null, n: estimate?.n ?? group.rows, note: estimate ? undefined : 'n/a' };
}
