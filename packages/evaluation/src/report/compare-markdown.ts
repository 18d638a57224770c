import type { ComparedGroup, ComparedValue, Comparison } from '../summary/compare';
import { differenceText, estimateText } from './format';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function verdictText(value: ComparedValue): string {
  if (!value.significant || !value.difference) return 'within CI';
  return value.difference.mean > 0 ? 'better (outside CI)' : 'worse (outside CI)';
}

function rows(groups: readonly ComparedGroup[]): string[] {
  return groups.flatMap((group) =>
    group.values.map((value) => `| ${cell(group.label)} | ${cell(value.label)} | ${value.pairs} | ${estimateText(value.a)} | ${estimateText(value.b)} | ${differenceText(value.difference)} | ${verdictText(value)} |`),
  );
}

const HEADER = ['| group | quantity | rows | A [95% CI] | B [95% CI] | B - A [95% CI] | verdict |', '| --- | --- | --- | --- | --- | --- | --- |'];

/** The comparison as Markdown: overall, per task, per benchmark (tasks, categories). */
export function comparisonMarkdown(comparison: Comparison): string {
  const lines = [
    '# Evaluation comparison',
    '',
    `A: \`${comparison.a.dir}\` (${comparison.a.label}), B: \`${comparison.b.dir}\` (${comparison.b.label}).`,
    `${comparison.pairedRows} rows scored in both runs are compared; ${comparison.onlyA} only in A and ${comparison.onlyB} only in B are left out.`,
    `Values are percentages; differences in points. Interval: ${comparison.method} (${comparison.bootstrap.resamples} resamples, ${Math.round(comparison.bootstrap.level * 100)}%, seed ${comparison.bootstrap.seed}).`,
    '',
    '## Overall and per task',
    '',
    ...HEADER,
    ...rows([comparison.overall, ...comparison.tasks]),
  ];
  for (const bench of comparison.benchmarks) {
    lines.push('', `## ${bench.summary.label}`, '', ...HEADER, ...rows([bench.summary, ...bench.tasks]), '', 'Per category:', '', ...HEADER, ...rows(bench.categories));
  }
  lines.push('');
  return lines.join('\n');
}
