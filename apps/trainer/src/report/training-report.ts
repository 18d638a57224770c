import { TASK_TYPES } from '@mixed-r1/records';
import type { MetricsRecord } from '../run/metrics-log';
import { escapeXml, svgLineChart, type Series } from './svg-line-chart';

/** A completion shown in the report with its scores. */
export interface ExampleCompletion {
  readonly step: number;
  readonly task: string;
  readonly question: string;
  readonly completion: string;
  readonly total: number;
}

export interface TrainingReportInput {
  readonly title: string;
  readonly metrics: readonly MetricsRecord[];
  /** The before/after comparison of the evaluation package (comparison.md), shown as is. */
  readonly comparisonHtml: string | null;
  readonly examples: readonly ExampleCompletion[];
  readonly settings: unknown;
}

function seriesOf(metrics: readonly MetricsRecord[], key: string, name = key): Series {
  return {
    name,
    points: metrics.flatMap((record) => (typeof record[key] === 'number' && Number.isFinite(record[key]) ? [[record.step, record[key] as number] as const] : [])),
  };
}

function perTask(metrics: readonly MetricsRecord[], prefix: string): Series[] {
  return TASK_TYPES.map((task) => seriesOf(metrics, `${prefix}/${task}`, task)).filter((s) => s.points.length > 0);
}

/**
 * The run's report as one self-contained HTML page (no network, inline SVG): reward and accuracy
 * curves per task, KL, clip fraction and completion length curves, the before/after table, and
 * sample completions with their rewards.
 */
export function trainingReportHtml(input: TrainingReportInput): string {
  const charts = [
    svgLineChart('Mean reward (all tasks)', [seriesOf(input.metrics, 'reward', 'reward')]),
    svgLineChart('Reward per task', perTask(input.metrics, 'reward')),
    svgLineChart('Training accuracy per task', perTask(input.metrics, 'accuracy')),
    svgLineChart('Format reward per task', perTask(input.metrics, 'format')),
    svgLineChart('KL to the reference', [seriesOf(input.metrics, 'kl', 'kl')]),
    svgLineChart('Clip fraction', [seriesOf(input.metrics, 'clip_fraction', 'clip fraction')]),
    svgLineChart('Completion length (tokens) per task', perTask(input.metrics, 'length')),
    svgLineChart('Fraction of groups with equal rewards', [seriesOf(input.metrics, 'frac_reward_zero_std', 'frac_reward_zero_std')]),
  ];
  const examples = input.examples
    .map(
      (e) =>
        `<tr><td>${e.step}</td><td>${escapeXml(e.task)}</td><td>${escapeXml(e.question)}</td><td><pre>${escapeXml(e.completion)}</pre></td><td>${e.total.toFixed(2)}</td></tr>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeXml(input.title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:24px;color:#111827}h1{font-size:20px}h2{font-size:16px;margin-top:28px}
.charts{display:flex;flex-wrap:wrap;gap:12px}.charts svg{border:1px solid #e5e7eb;border-radius:6px;background:#fff}
table{border-collapse:collapse;font-size:12px}td,th{border:1px solid #e5e7eb;padding:4px 6px;vertical-align:top;text-align:left}pre{white-space:pre-wrap;margin:0;max-width:520px}</style>
</head><body>
<h1>${escapeXml(input.title)}</h1>
<h2>Training curves</h2><div class="charts">${charts.join('\n')}</div>
<h2>Held-out evaluation, before and after</h2>${input.comparisonHtml ?? '<p>No evaluation was run (evaluation.perTask = 0).</p>'}
<h2>Sample completions</h2><table><tr><th>step</th><th>task</th><th>question</th><th>completion</th><th>reward</th></tr>${examples}</table>
<h2>Settings</h2><pre>${escapeXml(JSON.stringify(input.settings, null, 2))}</pre>
</body></html>
`;
}
