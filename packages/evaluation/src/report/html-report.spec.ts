import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { evaluate } from '../cli/evaluate';
import { fixturePath, formatted } from '../testing';
import { markdownReport } from './markdown-report';

const HOSTILE = '<script>alert("x")</script></pre><img src=http://example.com/x.png> | pipe';

async function hostileRun() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'eval-html-'));
  const predictions = path.join(dir, 'predictions.jsonl');
  const lines = ['0', '1', '2', '3', '4'].map((index) => JSON.stringify({ index, prediction: index === '3' ? formatted('[22.4, 14, 67.2, 42]') : formatted(HOSTILE) }));
  writeFileSync(predictions, lines.join('\n'));
  return evaluate({ benches: [fixturePath('mixed-bench-mini.tsv')], predictions: [predictions], out: path.join(dir, 'out'), log: () => undefined, progress: false, examplesPerTask: 1 });
}

describe('the HTML report', () => {
  it('is self-contained: no script, no stylesheet or image from elsewhere, model output escaped', async () => {
    const { files } = await hostileRun();
    const html = readFileSync(files.html, 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link|@import|url\(/i);
    expect(html).not.toMatch(/(?:src|href)="(?!data:image\/png;base64,)/);
    expect(html).not.toContain('http://example.com/x.png>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;/pre&gt;&lt;img src=http://example.com/x.png&gt;');
  });

  it('has the per-task chart (bars with CI whiskers) and a per-category chart per benchmark', async () => {
    const { files, results } = await hostileRun();
    const html = readFileSync(files.html, 'utf8');
    const charts = html.match(/<svg class="chart [^"]+"/g) ?? [];
    expect(charts).toEqual(['<svg class="chart bar-chart"', '<svg class="chart horizontal-bar-chart"']);
    const taskChart = html.slice(html.indexOf('<svg class="chart bar-chart"'), html.indexOf('</svg>', html.indexOf('<svg class="chart bar-chart"')));
    // open-ended BMAS is n/a (no embeddings): 4 bars, 4 whiskers, one "n/a"
    expect(taskChart.match(/class="bar"/g)).toHaveLength(4);
    expect(taskChart.match(/class="whisker"/g)).toHaveLength(4);
    expect(taskChart).toContain('>n/a</text>');
    expect(results.examples.map((example) => example.task)).toEqual(['yes_no', 'multiple_choice', 'chart', 'grounding', 'open_ended']);
    expect(html).toContain('class="truth-box"');
    expect(html).toContain('class="predicted-box"');
  });

  it('escapes table cells in Markdown', async () => {
    const { results } = await hostileRun();
    const markdown = markdownReport({ ...results, benchmarks: results.benchmarks.map((bench) => ({ ...bench, name: 'a|b' })) });
    expect(markdown).toContain('| a\\|b | 5 |');
  });
});
