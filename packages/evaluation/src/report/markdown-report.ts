import { describeIssue } from '../bench/bench-row';
import type { GroupSummary } from '../summary/group-summary';
import type { EvalResults } from '../summary/results';
import { formatText, headlineText, otherMetricsText } from './group-cells';

/** Markdown table cell: pipes and line breaks would break the table. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)];
}

function groupRow(first: string, group: GroupSummary): string[] {
  return [first, String(group.rows), group.headline.label, headlineText(group), formatText(group), otherMetricsText(group) || '–'];
}

const HEADER = ['', 'rows', 'metric', 'value [95% CI]', 'format [95% CI]', 'other metrics'];

/** The results as Markdown: overall, per task, per benchmark (tasks, categories, unreadable rows), notes. */
export function markdownReport(results: EvalResults, issueLimit = 20): string {
  const { settings } = results;
  const source = settings.model
    ? `model \`${settings.model}\``
    : settings.predictions
      ? `predictions ${settings.predictions.map((file) => `\`${file}\``).join(', ')}`
      : `completions of ${settings.generator ?? 'a generator'}`;
  const lines = [
    '# Evaluation results',
    '',
    `Scored ${source}; ${results.createdAt}.`,
    `Values are percentages with ${Math.round(settings.bootstrap.level * 100)}% percentile-bootstrap confidence intervals (${settings.bootstrap.resamples} resamples, seed ${settings.bootstrap.seed}). Predicted boxes are read in the ${settings.boxFrame} frame.`,
    '',
    '## Overall',
    '',
    ...table(HEADER, [groupRow('all benchmarks', results.overall), ...results.benchmarks.map((bench) => groupRow(bench.name, bench.summary))]),
    '',
    '## Per task (all benchmarks)',
    '',
    ...table(HEADER, results.tasks.map((group) => groupRow(group.label, group))),
  ];
  for (const bench of results.benchmarks) {
    lines.push('', `## ${bench.name}`, '', `\`${bench.file}\` (${bench.format}): ${bench.rows} rows scored, ${bench.issues.length} unreadable, ${bench.missing} without a prediction, ${bench.failed} failed.`, '');
    lines.push(...table(HEADER, bench.tasks.map((group) => groupRow(group.label, group))), '');
    lines.push('Per category:', '', ...table(['category', ...HEADER.slice(1)], bench.categories.map((group) => groupRow(group.label, group))));
    if (bench.issues.length > 0) {
      lines.push('', `Rows that could not be read (${bench.issues.length}):`, '');
      bench.issues.slice(0, issueLimit).forEach((issue) => lines.push(`- ${describeIssue(issue)}`));
      if (bench.issues.length > issueLimit) lines.push(`- ... and ${bench.issues.length - issueLimit} more (results.json lists all)`);
    }
  }
  if (results.notes.length > 0) lines.push('', '## Notes', '', ...results.notes.map((note) => `- ${note}`));
  lines.push('', '## Metrics', '', ...results.metrics.map((metric) => `- **${metric.label}** (\`${metric.name}\`): ${metric.definition}`), '');
  return lines.join('\n');
}
