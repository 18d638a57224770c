import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeImage } from '@mixed-r1/vision';
import { evaluate } from '../cli/evaluate';
import { CHROMIUM, chromiumAvailable, chromiumDumpDom, chromiumScreenshot, FakeGenerator, writeSyntheticBench } from '../testing';

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

interface Measured {
  readonly charts: { readonly kind: string; readonly box: Box; readonly bars: Box[]; readonly whiskers: Box[]; readonly texts: number }[];
}

/**
 * A copy of the report with a script at the end that measures every chart, its bars and whiskers
 * after layout (getBoundingClientRect) and writes the numbers into the page, for --dump-dom. The
 * report itself has no script: this is added for the test only.
 */
function withMeasurement(html: string): string {
  const script = `<script>
const rect = (el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; };
const charts = [...document.querySelectorAll('svg.chart')].map((svg) => ({
  kind: svg.getAttribute('class'), box: rect(svg),
  bars: [...svg.querySelectorAll('rect.bar')].map(rect), whiskers: [...svg.querySelectorAll('.whisker')].map(rect),
  texts: svg.querySelectorAll('text').length,
}));
const out = document.createElement('pre'); out.id = 'measured'; out.textContent = JSON.stringify({ charts }); document.body.appendChild(out);
</script>`;
  return html.replace('</body>', `${script}</body>`);
}

const describeWithChromium = chromiumAvailable() ? describe : describe.skip;
if (!chromiumAvailable()) console.log(`html-chromium.spec: skipped, ${CHROMIUM} is not installed (apt-get install chromium)`);

describeWithChromium('the HTML report in headless Chromium', () => {
  let dir: string;
  let reportFile: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'eval-chromium-'));
    // 24 rows per task over 4 categories, 70% right: every bar has a height and every CI a width.
    const answer = await writeSyntheticBench(path.join(dir, 'Synthetic.tsv'), { perTask: 24, skill: 0.7, seed: 1 });
    const { files } = await evaluate({ benches: [path.join(dir, 'Synthetic.tsv')], generator: new FakeGenerator(answer), out: path.join(dir, 'out'), log: () => undefined, progress: false });
    reportFile = files.html;
  }, 60_000);

  it('lays out every chart with non-zero size, bars and whiskers included', async () => {
    const measuredFile = path.join(dir, 'measured.html');
    writeFileSync(measuredFile, withMeasurement(readFileSync(reportFile, 'utf8')));
    const dom = await chromiumDumpDom(measuredFile);
    const json = /<pre id="measured">([^<]*)<\/pre>/.exec(dom)?.[1];
    expect(json).toBeDefined();
    const measured = JSON.parse((json as string).replace(/&quot;/g, '"').replace(/&amp;/g, '&')) as Measured;
    expect(measured.charts.map((chart) => chart.kind)).toEqual(['chart bar-chart', 'chart horizontal-bar-chart']);
    for (const chart of measured.charts) {
      expect(chart.box.width).toBeGreaterThan(200);
      expect(chart.box.height).toBeGreaterThan(100);
      expect(chart.texts).toBeGreaterThan(5);
      for (const box of [...chart.bars, ...chart.whiskers]) {
        expect(box.width).toBeGreaterThan(0);
        expect(box.height).toBeGreaterThan(0);
        // inside its chart
        expect(box.x).toBeGreaterThanOrEqual(chart.box.x - 0.5);
        expect(box.x + box.width).toBeLessThanOrEqual(chart.box.x + chart.box.width + 0.5);
      }
    }
    const [perTask, perCategory] = measured.charts;
    // BMAS is n/a without embeddings: four task bars, each with its whisker; four categories
    expect(perTask.bars).toHaveLength(4);
    expect(perTask.whiskers).toHaveLength(4);
    expect(perCategory.bars).toHaveLength(4);
  }, 60_000);

  it('paints the bars: the per-task chart region of a screenshot holds the bar colour', async () => {
    const measuredFile = path.join(dir, 'measured.html');
    writeFileSync(measuredFile, withMeasurement(readFileSync(reportFile, 'utf8')));
    const json = /<pre id="measured">([^<]*)<\/pre>/.exec(await chromiumDumpDom(measuredFile))?.[1] as string;
    const chart = (JSON.parse(json.replace(/&quot;/g, '"').replace(/&amp;/g, '&')) as Measured).charts[0];
    const png = path.join(dir, 'report.png');
    await chromiumScreenshot(reportFile, png, { width: 1200, height: 1600 });
    const image = await decodeImage(png);
    let barPixels = 0;
    let white = 0;
    const { x, y, width, height } = chart.box;
    for (let row = Math.ceil(y); row < Math.floor(y + height); row++) {
      for (let column = Math.ceil(x); column < Math.floor(x + width); column++) {
        const at = (row * image.width + column) * 3;
        const [r, g, b] = [image.data[at], image.data[at + 1], image.data[at + 2]];
        if (Math.abs(r - 0x3b) <= 6 && Math.abs(g - 0x6f) <= 6 && Math.abs(b - 0xb6) <= 6) barPixels++;
        if (r > 245 && g > 245 && b > 245) white++;
      }
    }
    const bars = chart.bars.reduce((sum, bar) => sum + bar.width * bar.height, 0);
    expect(barPixels).toBeGreaterThan(0.9 * bars);
    expect(white).toBeLessThan(width * height);
  }, 60_000);
});
