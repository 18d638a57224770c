import type { Manifest } from './manifest';
import type { HistogramBin, Stats } from './stats';

const BAR_WIDTH = 30;

/** stats.md: the composition, image sizes, quotas, duplicates, rejections and benchmark as Markdown tables. */
export function statsMarkdown(manifest: Manifest, stats: Stats): string {
  const { counts } = manifest;
  const lines = [
    '# Mixed dataset build',
    '',
    `${counts.train.output} samples (schema ${manifest.schema.name} v${manifest.schema.version}) in ${manifest.shards.length} shards, seed ${manifest.seed}; ` +
      `${counts.train.rejected} of ${counts.train.inputs} inputs rejected (see rejected.arrow). Built in ${manifest.timings.totalSeconds} s.`,
    '',
    '## Composition by task',
    '',
    ...countTable('task', stats.byTask, counts.train.output),
    '',
    '## Composition by source',
    '',
    ...countTable('source', stats.bySource, counts.train.output),
    '',
    '## Quotas',
    '',
    '| task | quota | passed every stage | kept |',
    '|---|---:|---:|---:|',
    ...Object.entries(manifest.quotas.perTask).map(([task, usage]) => `| ${task} | ${usage.quota ?? '-'} | ${usage.available} | ${usage.kept} |`),
    '',
    '## Image sizes',
    '',
    `Mean encoded image: ${(stats.meanImageBytes / 1024).toFixed(1)} KiB.`,
    '',
    ...histogramTable('width (px)', stats.widths),
    '',
    ...histogramTable('height (px)', stats.heights),
    '',
    '## Duplicates',
    '',
    `${manifest.dedup.clusters} clusters of the same image hash and question; ${manifest.dedup.duplicates} duplicates rejected (the first of each cluster is kept).`,
    ...(manifest.dedup.clusters > 0
      ? ['', '| cluster size | clusters |', '|---:|---:|', ...Object.entries(manifest.dedup.sizes).map(([size, n]) => `| ${size} | ${n} |`), '', 'Largest clusters:', '', ...manifest.dedup.examples.map((cluster) => `- ${cluster.keptId} (hash ${cluster.hash}, "${escapeCell(cluster.question)}"): ${cluster.duplicateIds.join(', ')}`)]
      : []),
    '',
    '## Rejections',
    '',
    '| stage | reason | count | example |',
    '|---|---|---:|---|',
    ...(stats.reasons.length === 0 ? ['| - | none | 0 | |'] : stats.reasons.map((row) => `| ${row.stage} | ${escapeCell(row.kind)} | ${row.count} | ${escapeCell(row.exampleRef)}: ${escapeCell(row.example)} |`)),
    ...benchSection(manifest),
    '',
  ];
  return lines.join('\n');
}

function countTable(what: string, entries: readonly (readonly [string, number])[], total: number): string[] {
  const most = Math.max(1, ...entries.map(([, count]) => count));
  return [
    `| ${what} | samples | share | |`,
    '|---|---:|---:|---|',
    ...entries.map(([name, count]) => `| ${escapeCell(name)} | ${count} | ${total ? ((100 * count) / total).toFixed(1) : '0.0'}% | ${'#'.repeat(Math.round((count / most) * BAR_WIDTH))} |`),
  ];
}

function histogramTable(what: string, bins: readonly HistogramBin[]): string[] {
  const most = Math.max(1, ...bins.map((bin) => bin.count));
  return [`| ${what} | samples | |`, '|---|---:|---|', ...bins.map((bin) => `| ${bin.from}-${bin.to - 1} | ${bin.count} | ${'#'.repeat(Math.round((bin.count / most) * BAR_WIDTH))} |`)];
}

function benchSection(manifest: Manifest): string[] {
  const { bench } = manifest;
  if (!bench) return [];
  return [
    '',
    '## Benchmark split',
    '',
    `${manifest.counts.bySplit.bench} samples in ${bench.file} (VLMEvalKit TSV, ${(bench.bytes / 1e6).toFixed(2)} MB), seed ${bench.seed}, no image hash shared with the training output.`,
    '',
    '| task | wanted | written | inputs |',
    '|---|---:|---:|---:|',
    ...Object.entries(bench.perTask).map(([task, count]) => `| ${task} | ${count.wanted} | ${count.written} | ${count.inputs} |`),
  ];
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
}
