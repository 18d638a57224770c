import { describeIssue } from '../bench/bench-row';
import { METRICS } from '../metrics/registry';
import type { MetricName } from '../metrics/metric';
import type { Example } from '../summary/examples';
import type { GroupSummary } from '../summary/group-summary';
import type { EvalResults } from '../summary/results';
import { barChart } from './charts/bar-chart';
import { horizontalBarChart } from './charts/horizontal-bar-chart';
import { percent } from './format';
import { formatText, headlineBar, headlineText, otherMetricsText } from './group-cells';
import { escapeHtml } from './html-escape';
import { PAGE_STYLE } from './page-style';
import type { ReportImages } from './report-images';

const e = escapeHtml;

function groupTable(first: string, groups: readonly { name: string; group: GroupSummary }[]): string {
  const head = `<tr><th>${e(first)}</th><th>rows</th><th>metric</th><th>value [95% CI]</th><th>format [95% CI]</th><th>other metrics</th></tr>`;
  const body = groups
    .map(
      ({ name, group }) =>
        `<tr><td>${e(name)}</td><td class="num">${group.rows}</td><td>${e(group.headline.label)}</td><td class="num"${group.headline.unavailable && !group.headline.estimate ? ` title="${e(group.headline.unavailable)}"` : ''}>${e(headlineText(group))}</td><td class="num">${e(formatText(group))}</td><td>${e(otherMetricsText(group) || '–')}</td></tr>`,
    )
    .join('');
  return `<table>${head}${body}</table>`;
}

function metricsText(metrics: Example['metrics']): string {
  return Object.entries(metrics)
    .map(([name, value]) => `${METRICS[name as MetricName].label} ${value === null || value === undefined ? 'n/a' : percent(value)}`)
    .join(' · ');
}

function verdict(example: Example): string {
  if (example.correct === 1) return '<span class="verdict right">correct</span>';
  if (example.correct === 0) return '<span class="verdict wrong">wrong</span>';
  return '<span class="verdict graded">graded</span>';
}

/** The image with the ground-truth box (green) and the predicted box (red) drawn over it, in original pixels. */
function boxedImage(image: string, boxes: NonNullable<Example['boxes']>, alt: string): string {
  const [width, height] = boxes.imageSize;
  const stroke = Math.max(width, height) / 90;
  const rect = (box: readonly number[], css: string, color: string) =>
    `<rect class="${css}" x="${box[0]}" y="${box[1]}" width="${Math.max(box[2] - box[0], 0)}" height="${Math.max(box[3] - box[1], 0)}" fill="none" stroke="${color}" stroke-width="${stroke.toFixed(2)}"/>`;
  const predicted = boxes.predicted ? rect(boxes.predicted, 'predicted-box', '#d0312d') : '';
  const scale = Math.min(180 / width, 180 / height);
  return `<svg viewBox="0 0 ${width} ${height}" width="${Math.round(width * scale)}" height="${Math.round(height * scale)}" role="img" aria-label="${e(alt)}"><image href="${e(image)}" x="0" y="0" width="${width}" height="${height}"/>${rect(boxes.truth, 'truth-box', '#1d8a4a')}${predicted}</svg><span><span class="legend-truth">■ truth</span> <span class="legend-predicted">■ prediction</span>${boxes.predicted ? '' : ' (none)'}</span>`;
}

function thumbnail(example: Example, images: ReportImages | undefined): string {
  const image = images?.get(`${example.benchmark}/${example.index}`);
  if (!image) return '';
  const alt = `image of ${example.benchmark}/${example.index}`;
  return `<div class="thumb">${example.boxes ? boxedImage(image, example.boxes, alt) : `<img src="${e(image)}" alt="${e(alt)}">`}</div>`;
}

function exampleCard(example: Example, images: ReportImages | undefined): string {
  const img = thumbnail(example, images);
  const reason = example.reason ? `<dt>note</dt><dd>${e(example.reason)}</dd>` : '';
  return `<article class="example"><header>${verdict(example)}<strong>${e(example.benchmark)}/${e(example.index)}</strong><span>${e(example.category)}</span><span>${e(metricsText(example.metrics))}</span></header>
<div class="body">${img}<dl><dt>question</dt><dd><pre>${e(example.question)}</pre></dd><dt>ground truth</dt><dd><pre>${e(example.target)}</pre></dd><dt>completion</dt><dd><pre>${e(example.completion || '(empty)')}</pre></dd><dt>answer</dt><dd><pre>${e(example.answer || '(none)')}</pre></dd>${reason}</dl></div></article>`;
}

function benchmarkSection(bench: EvalResults['benchmarks'][number], issueLimit: number): string {
  const parts = [`<section class="benchmark" id="bench-${e(bench.name)}"><h2>${e(bench.name)}</h2>`];
  parts.push(`<p class="meta"><code>${e(bench.file)}</code> (${e(bench.format)}): ${bench.rows} rows scored, ${bench.issues.length} unreadable, ${bench.missing} without a prediction, ${bench.failed} failed.</p>`);
  parts.push(groupTable('task', bench.tasks.map((group) => ({ name: group.label, group }))));
  parts.push(`<div class="charts">${horizontalBarChart(`${bench.name}: per category (headline metric, 95% CI)`, bench.categories.map((group) => headlineBar(group)))}</div>`);
  parts.push(groupTable('category', bench.categories.map((group) => ({ name: group.label, group }))));
  if (bench.issues.length > 0) {
    const items = bench.issues.slice(0, issueLimit).map((issue) => `<li>${e(describeIssue(issue))}</li>`);
    if (bench.issues.length > issueLimit) items.push(`<li>... and ${bench.issues.length - issueLimit} more (results.json lists all)</li>`);
    parts.push(`<details><summary>${bench.issues.length} row(s) could not be read</summary><ul>${items.join('')}</ul></details>`);
  }
  parts.push('</section>');
  return parts.join('\n');
}

/**
 * The results as one self-contained HTML page: inline CSS and SVG charts (per task with CI
 * whiskers, per category per benchmark), tables, a few examples per task (images inlined as data:
 * URIs when given), notes and metric definitions. It loads nothing and runs no script; every text
 * from a benchmark or a model is escaped.
 */
export function htmlReport(results: EvalResults, options: { images?: ReportImages; issueLimit?: number } = {}): string {
  const { settings } = results;
  const source = settings.model
    ? `model <code>${e(settings.model)}</code>`
    : settings.predictions
      ? `predictions ${settings.predictions.map((file) => `<code>${e(file)}</code>`).join(', ')}`
      : 'generated completions';
  const byTask = new Map<string, Example[]>();
  for (const example of results.examples) byTask.set(example.task, [...(byTask.get(example.task) ?? []), example]);
  const body = [
    '<h1>Evaluation results</h1>',
    `<p class="meta">Scored ${source} on ${results.benchmarks.map((bench) => `<code>${e(bench.name)}</code>`).join(', ')}; ${e(results.createdAt)}.</p>`,
    settings.generator ? `<p class="meta">Generated by ${e(settings.generator)}.</p>` : '',
    `<p class="meta">Values are percentages with ${Math.round(settings.bootstrap.level * 100)}% percentile-bootstrap confidence intervals (${settings.bootstrap.resamples} resamples, seed ${settings.bootstrap.seed}); predicted boxes are read in the ${e(settings.boxFrame)} frame.</p>`,
    results.notes.length > 0 ? `<ul class="notes">${results.notes.map((note) => `<li>${e(note)}</li>`).join('')}</ul>` : '',
    '<h2 id="overall">Overall</h2>',
    groupTable('', [{ name: 'all benchmarks', group: results.overall }, ...results.benchmarks.map((bench) => ({ name: bench.name, group: bench.summary }))]),
    '<h2 id="tasks">Per task</h2>',
    `<div class="charts">${barChart('Per task: headline metric (95% CI)', results.tasks.map((group) => headlineBar(group)))}</div>`,
    groupTable('task', results.tasks.map((group) => ({ name: group.label, group }))),
    ...results.benchmarks.map((bench) => benchmarkSection(bench, options.issueLimit ?? 20)),
    '<h2 id="examples">Examples</h2>',
    ...[...byTask].map(([task, examples]) => `<h3>${e(task)}</h3><div class="examples">${examples.map((example) => exampleCard(example, options.images)).join('\n')}</div>`),
    '<h2 id="metrics">Metrics</h2>',
    `<ul>${results.metrics.map((metric) => `<li><strong>${e(metric.label)}</strong> (<code>${e(metric.name)}</code>): ${e(metric.definition)}</li>`).join('')}</ul>`,
  ];
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Evaluation results</title><style>${PAGE_STYLE}</style></head>\n<body>\n${body.filter((part) => part !== '').join('\n')}\n</body></html>\n`;
}
