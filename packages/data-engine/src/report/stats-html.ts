import type { Manifest } from './manifest';
import type { Stats } from './stats';
import { barChartSvg, escapeXml, histogramSvg } from './svg-charts';

const STYLE = `body{font-family:sans-serif;margin:2em;max-width:1100px;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;font-size:13px}
td.n{text-align:right}h2{margin-top:1.5em}.charts{display:flex;flex-wrap:wrap;gap:2em}`;

/** stats.html: one self-contained page (inline CSS and SVG, nothing fetched). */
export function statsHtml(manifest: Manifest, stats: Stats): string {
  const { counts } = manifest;
  const body = [
    '<h1>Mixed dataset build</h1>',
    `<p>${counts.train.output} samples (schema ${manifest.schema.name} v${manifest.schema.version}) in ${manifest.shards.length} shards, seed ${manifest.seed}; ` +
      `${counts.train.rejected} of ${counts.train.inputs} inputs rejected (rejected.arrow). Built in ${manifest.timings.totalSeconds} s with ${manifest.threads} thread(s).</p>`,
    '<h2>Composition</h2>',
    `<div class="charts">${barChartSvg('Samples by task', stats.byTask)}${barChartSvg('Samples by source', stats.bySource)}</div>`,
    '<h2>Quotas</h2>',
    table(['task', 'quota', 'passed every stage', 'kept'], Object.entries(manifest.quotas.perTask).map(([task, usage]) => [task, usage.quota ?? '-', usage.available, usage.kept])),
    '<h2>Image sizes</h2>',
    `<p>Mean encoded image: ${(stats.meanImageBytes / 1024).toFixed(1)} KiB.</p>`,
    `<div class="charts">${histogramSvg('Image width', stats.widths, 'pixels')}${histogramSvg('Image height', stats.heights, 'pixels')}</div>`,
    '<h2>Duplicates</h2>',
    `<p>${manifest.dedup.clusters} clusters of the same image hash and question; ${manifest.dedup.duplicates} duplicates rejected (the first of each cluster is kept).</p>`,
    manifest.dedup.clusters > 0 ? table(['kept', 'hash', 'question', 'duplicates'], manifest.dedup.examples.map((c) => [c.keptId, c.hash, c.question, c.duplicateIds.join(', ')])) : '',
    '<h2>Rejections</h2>',
    table(['stage', 'reason', 'count', 'example'], stats.reasons.map((row) => [row.stage, row.kind, row.count, `${row.exampleRef}: ${row.example}`])),
    manifest.bench
      ? `<h2>Benchmark split</h2><p>${counts.bySplit.bench} samples in ${escapeXml(manifest.bench.file)} (VLMEvalKit TSV, ${(manifest.bench.bytes / 1e6).toFixed(2)} MB), seed ${manifest.bench.seed}.</p>` +
        table(['task', 'wanted', 'written', 'inputs'], Object.entries(manifest.bench.perTask).map(([task, c]) => [task, c.wanted, c.written, c.inputs]))
      : '',
    '<h2>Inputs</h2>',
    table(['kind', 'name', 'checksum / seed', 'inputs'], manifest.inputs.map((input) => (input.kind === 'source' ? ['source', `${input.name} (${input.adapter})`, `sha256 ${input.sha256}`, input.inputs] : ['procedural', `${input.name} (${input.task})`, `seed ${input.seed}`, input.candidates]))),
  ];
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Mixed dataset build</title><style>${STYLE}</style></head>\n<body>\n${body.join('\n')}\n</body></html>\n`;
}

function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const head = `<tr>${header.map((cell) => `<th>${escapeXml(cell)}</th>`).join('')}</tr>`;
  const body = rows.map((row) => `<tr>${row.map((cell) => (typeof cell === 'number' ? `<td class="n">${cell}</td>` : `<td>${escapeXml(cell)}</td>`)).join('')}</tr>`).join('');
  return `<table>${head}${body}</table>`;
}
