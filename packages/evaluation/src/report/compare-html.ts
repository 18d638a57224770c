import type { ComparedGroup, ComparedValue, Comparison } from '../summary/compare';
import { differenceChart, type DifferenceRow } from './charts/difference-chart';
import { groupedBarChart, type BarPair } from './charts/grouped-bar-chart';
import { differenceText, estimateText } from './format';
import { verdictText } from './compare-markdown';
import { escapeHtml as e } from './html-escape';
import { PAGE_STYLE } from './page-style';

function headline(group: ComparedGroup): ComparedValue | undefined {
  return group.values[0];
}

function pairOf(group: ComparedGroup): BarPair | null {
  const value = headline(group);
  if (!value) return null;
  const bar = (estimate: ComparedValue['a']) => ({ label: `${group.label} (${value.label})`, value: estimate?.mean ?? null, ci: estimate?.ci ?? null, n: estimate?.n });
  return { label: `${group.label}`, a: bar(value.a), b: bar(value.b) };
}

function differenceRow(group: ComparedGroup): DifferenceRow | null {
  const value = headline(group);
  if (!value?.difference) return null;
  return { label: `${group.label} (${value.label})`, difference: value.difference.mean, ci: value.difference.ci, significant: value.significant };
}

function table(groups: readonly ComparedGroup[]): string {
  const head = '<tr><th>group</th><th>quantity</th><th>rows</th><th>A [95% CI]</th><th>B [95% CI]</th><th>B - A [95% CI]</th><th>verdict</th></tr>';
  const rows = groups.flatMap((group) =>
    group.values.map((value) => {
      const css = !value.significant || !value.difference ? 'flat' : value.difference.mean > 0 ? 'up' : 'down';
      return `<tr><td>${e(group.label)}</td><td>${e(value.label)}</td><td class="num">${value.pairs}</td><td class="num">${estimateText(value.a)}</td><td class="num">${estimateText(value.b)}</td><td class="num ${css}">${differenceText(value.difference)}</td><td class="${css}">${verdictText(value)}</td></tr>`;
    }),
  );
  return `<table>${head}${rows.join('')}</table>`;
}

/**
 * Two runs side by side as one self-contained HTML page: grouped bars of A and B per task with CI
 * whiskers, the differences B - A with their paired-bootstrap CIs, and the full tables.
 */
export function comparisonHtml(comparison: Comparison): string {
  const labels = { a: comparison.a.label, b: comparison.b.label };
  const pairs = comparison.tasks.flatMap((group) => pairOf(group) ?? []);
  const differences = [comparison.overall, ...comparison.tasks].flatMap((group) => differenceRow(group) ?? []);
  const body = [
    '<h1>Evaluation comparison</h1>',
    `<p class="meta">A: <code>${e(comparison.a.dir)}</code> (${e(comparison.a.label)}); B: <code>${e(comparison.b.dir)}</code> (${e(comparison.b.label)}).</p>`,
    `<p class="meta">${comparison.pairedRows} rows scored in both runs are compared; ${comparison.onlyA} only in A and ${comparison.onlyB} only in B are left out.</p>`,
    `<p class="meta">Values are percentages, differences in points. Interval: ${e(comparison.method)} (${comparison.bootstrap.resamples} resamples, ${Math.round(comparison.bootstrap.level * 100)}%, seed ${comparison.bootstrap.seed}). * marks a difference outside its CI.</p>`,
    '<h2>Per task</h2>',
    `<div class="charts">${groupedBarChart('Per task: A and B (headline metric, 95% CI)', labels, pairs)}${differenceChart('B - A in points (paired bootstrap 95% CI)', differences)}</div>`,
    table([comparison.overall, ...comparison.tasks]),
    ...comparison.benchmarks.map(
      (bench) =>
        `<h2>${e(bench.summary.label)}</h2><div class="charts">${differenceChart(`${bench.summary.label}: B - A per category`, bench.categories.flatMap((group) => differenceRow(group) ?? []))}</div>${table([bench.summary, ...bench.tasks])}<h3>Per category</h3>${table(bench.categories)}`,
    ),
  ];
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Evaluation comparison</title><style>${PAGE_STYLE}</style></head>\n<body>\n${body.join('\n')}\n</body></html>\n`;
}
