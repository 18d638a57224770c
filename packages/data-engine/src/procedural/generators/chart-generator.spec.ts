import type { SampleRow } from '@mixed-r1/records';
import type { ChartData } from '../chart/chart-data';
import { pieLayout, pointAt, sliceAngles } from '../chart/pie-chart';
import { linePoints } from '../chart/line-chart';
import { categoryLayout } from '../chart/value-axis';
import { colourNamed, type ColourName } from '../palette';
import { decodePng, type DecodedPng } from '../testing/decode-png';
import { colourDistance, components, matchesMask, pixelAt, type Rgb } from '../testing/pixels';
import { metadataOf } from '../testing/scene-oracle';
import { chartGenerator } from './chart-generator';

const COUNT = 100;
/** Rendering and measuring 100 charts takes a few seconds, more on a busy machine. */
const RENDERING_TIMEOUT_MS = 120_000;
/** A fully covered pixel of a fill colour is within this of it on every channel. */
const FILL_TOLERANCE = 10;

function chartOf(sample: SampleRow): ChartData {
  const chart = metadataOf(sample).chart;
  if (!chart) throw new Error(`${sample.id}: no chart in metadata`);
  return chart as unknown as ChartData;
}

const rgb = (name: string): Rgb => colourNamed(name as ColourName).rgb;

/** The answer a chart question has, worked out from its text and the chart's labels and values. */
function answerChartQuestion(question: string, chart: ChartData): string {
  const valueOf = (label: string) => {
    const i = chart.labels.indexOf(label);
    if (i < 0) throw new Error(`"${question}": no label ${label}`);
    return chart.values[i];
  };
  let match = /^What is the (?:value of|value in|percentage of) (\S+)\?/.exec(question);
  if (match) return String(valueOf(match[1]));
  match = /^What is the difference between the (?:values|percentages) (?:of|in) (\S+) and (\S+)\?/.exec(question);
  if (match) return String(Math.abs(valueOf(match[1]) - valueOf(match[2])));
  const largest = /largest|highest/.test(question);
  if (!largest && !/smallest|lowest/.test(question)) throw new Error(`cannot read "${question}"`);
  const extreme = largest ? Math.max(...chart.values) : Math.min(...chart.values);
  return chart.labels[chart.values.indexOf(extreme)];
}

/** Least-squares slope through the origin of y against x, and the largest residual. */
function fitThroughOrigin(xs: readonly number[], ys: readonly number[]): { slope: number; worst: number } {
  const slope = xs.reduce((sum, x, i) => sum + x * ys[i], 0) / xs.reduce((sum, x) => sum + x * x, 0);
  return { slope, worst: Math.max(...xs.map((x, i) => Math.abs(ys[i] - slope * x))) };
}

/** Least-squares line y = a + b x, and the largest residual. */
function fitLine(xs: readonly number[], ys: readonly number[]): { slope: number; worst: number } {
  const n = xs.length;
  const [mx, my] = [xs.reduce((s, x) => s + x, 0) / n, ys.reduce((s, y) => s + y, 0) / n];
  const slope = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  return { slope, worst: Math.max(...xs.map((x, i) => Math.abs(ys[i] - (my + slope * (x - mx))))) };
}

function checkBars(image: DecodedPng, chart: ChartData): void {
  const bars = components(matchesMask(image, rgb(chart.colours[0]), FILL_TOLERANCE), image.width, image.height, 8).sort(
    (a, b) => a.box[0] - b.box[0],
  );
  expect(bars).toHaveLength(chart.values.length);
  const baselines = bars.map(({ box }) => box[3]);
  expect(Math.max(...baselines) - Math.min(...baselines)).toBeLessThanOrEqual(1);
  const heights = bars.map(({ box }) => box[3] - box[1]);
  const { slope, worst } = fitThroughOrigin(chart.values, heights);
  expect(slope).toBeGreaterThan(0);
  expect(worst).toBeLessThanOrEqual(1.5);
}

function checkLine(image: DecodedPng, chart: ChartData): void {
  const colour = rgb(chart.colours[0]);
  const points = linePoints(chart, categoryLayout(chart, image.width, image.height));
  // The marker centre in each point's column, found on the pixels: the middle of the coloured run around the point.
  const centres = points.map(([x, y]) => {
    const column = Math.round(x - 0.5);
    const coloured = (row: number) =>
      row >= 0 && row < image.height && colourDistance(pixelAt(image, column, row), colour) <= FILL_TOLERANCE;
    expect(coloured(Math.floor(y))).toBe(true);
    let [top, bottom] = [Math.floor(y), Math.floor(y)];
    while (coloured(top - 1) && y - top < 8) top--;
    while (coloured(bottom + 1) && bottom - y < 8) bottom++;
    return (top + bottom + 1) / 2;
  });
  const { slope, worst } = fitLine(chart.values, centres);
  expect(slope).toBeLessThan(0);
  expect(worst).toBeLessThanOrEqual(1.5);
}

function checkPie(image: DecodedPng, chart: ChartData): void {
  const layout = pieLayout(chart, image.width, image.height);
  const palette = chart.colours.map(rgb);
  const counts = new Array(palette.length).fill(0);
  const STEPS = 1440;
  for (let step = 0; step < STEPS; step++) {
    const [x, y] = pointAt(layout, ((step + 0.5) / STEPS) * 2 * Math.PI, layout.radius * 0.6);
    const seen = pixelAt(image, Math.floor(x), Math.floor(y));
    const nearest = palette.findIndex((entry) => colourDistance(seen, entry) <= FILL_TOLERANCE);
    if (nearest >= 0) counts[nearest]++;
  }
  // Each slice's share of the ring is its percentage (the thin white borders cost a little).
  counts.forEach((count, i) => expect(Math.abs((100 * count) / STEPS - chart.values[i])).toBeLessThanOrEqual(2));
  sliceAngles(chart).forEach(([start, end], i) => {
    const [x, y] = pointAt(layout, (start + end) / 2, layout.radius * 0.6);
    expect(colourDistance(pixelAt(image, Math.floor(x), Math.floor(y)), palette[i])).toBeLessThanOrEqual(FILL_TOLERANCE);
  });
}

const CHECKS: Readonly<Record<ChartData['kind'], (image: DecodedPng, chart: ChartData) => void>> = {
  bar: checkBars,
  line: checkLine,
  pie: checkPie,
};

describe('chart generator', () => {
  let samples: SampleRow[] = [];
  beforeAll(async () => {
    samples = await Promise.all(Array.from({ length: COUNT }, (_, i) => chartGenerator.generate(31, i)));
  }, RENDERING_TIMEOUT_MS);

  it('draws bar, line and pie charts and asks every kind of question', () => {
    const kinds = new Set(samples.map((sample) => chartOf(sample).kind));
    expect([...kinds].sort()).toEqual(['bar', 'line', 'pie']);
    const questions = new Set(samples.map((sample) => metadataOf(sample).question.kind));
    expect([...questions].sort()).toEqual(['difference', 'largest', 'smallest', 'value']);
  });

  it('answers with a whole number as a plain decimal, or a label exactly as drawn', () => {
    for (const sample of samples) {
      const chart = chartOf(sample);
      const numeric = /^\d+$/.test(sample.answer);
      expect(numeric || chart.labels.includes(sample.answer)).toBe(true);
      if (!numeric) expect(/^\d/.test(sample.answer)).toBe(false);
    }
  });

  it('has the answer that the question text gives when read against the chart data', () => {
    for (const sample of samples) {
      expect([sample.question, answerChartQuestion(sample.question, chartOf(sample))]).toEqual([sample.question, sample.answer]);
    }
  });

  it('only asks for exact values when they are written on the chart', () => {
    for (const sample of samples) {
      const kind = metadataOf(sample).question.kind;
      if (!chartOf(sample).showValues) expect(['largest', 'smallest']).toContain(kind);
    }
  });

  it('keeps pie percentages whole, distinct and summing to 100', () => {
    for (const sample of samples.filter((s) => chartOf(s).kind === 'pie')) {
      const { values } = chartOf(sample);
      expect(values.reduce((sum, value) => sum + value, 0)).toBe(100);
      expect(new Set(values).size).toBe(values.length);
    }
  });

  it('draws the values to scale (bar heights, line points and pie slices measured on the pixels)', () => {
    for (const sample of samples) {
      const chart = chartOf(sample);
      CHECKS[chart.kind](decodePng(sample.imageBytes as Uint8Array), chart);
    }
  }, RENDERING_TIMEOUT_MS);
});
