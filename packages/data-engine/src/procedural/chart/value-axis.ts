// The value axis and plot area shared by bar and line charts: ticks at a nice step, light
// gridlines, tick labels on the left, categories evenly spaced along the bottom.

import { COLOURS, GRID, INK } from '../palette';
import type { Rng } from '../rng';
import { line } from '../svg';
import {
  axisMax,
  distinctValues,
  labelsFor,
  tickStep,
  VALUE_TOPS,
  type ChartData,
  type ChartKindName,
  type LabelNoun,
} from './chart-data';
import { CHART_PADDING, chartFontSize, label, TEXT_GAP, widestText } from './chart-style';

export interface ValueAxis {
  readonly max: number;
  readonly ticks: readonly number[];
}

/** The plot rectangle in pixels; values grow from `bottom` (the baseline) up to `top`. */
export interface PlotArea {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** Where a category chart puts everything. */
export interface CategoryLayout {
  readonly fontSize: number;
  readonly axis: ValueAxis;
  readonly plot: PlotArea;
  /** Width of one category's slot; category i is centred at `centreOf(i)`. */
  readonly slot: number;
}

const TICK_LENGTH = 3;
/** Least distance between two tick labels, in cap heights. */
const TICK_SPACING = 1.8;
/** Free space between neighbouring category labels, in cap heights. */
const LABEL_SPACING = 0.8;

/** Ticks up to the first nice step at or above `maxValue`, at most `maxIntervals` of them. */
export function valueAxis(maxValue: number, maxIntervals: number): ValueAxis {
  const step = tickStep(maxValue, maxIntervals);
  const max = axisMax(maxValue, maxIntervals);
  const ticks: number[] = [];
  for (let tick = 0; tick <= max; tick += step) ticks.push(tick);
  return { max, ticks };
}

/** The layout of a bar or line chart of this data on an image of this size. */
export function categoryLayout(data: ChartData, width: number, height: number): CategoryLayout {
  const fontSize = chartFontSize(width, height);
  const top = CHART_PADDING + (data.showValues ? fontSize + 2 * TEXT_GAP : fontSize / 2);
  const bottom = height - CHART_PADDING - fontSize - TEXT_GAP - 2;
  const maxIntervals = Math.max(1, Math.min(6, Math.floor((bottom - top) / (TICK_SPACING * fontSize))));
  const axis = valueAxis(Math.max(...data.values), maxIntervals);
  const tickWidth = widestText(axis.ticks.map(String), fontSize);
  const plot: PlotArea = { left: CHART_PADDING + tickWidth + TEXT_GAP + TICK_LENGTH, top, right: width - CHART_PADDING, bottom };
  return { fontSize, axis, plot, slot: (plot.right - plot.left) / data.labels.length };
}

/** The x centre of category i. */
export function centreOf(layout: CategoryLayout, index: number): number {
  return layout.plot.left + layout.slot * (index + 0.5);
}

/** The y of a value on the axis. */
export function yOf(layout: CategoryLayout, value: number): number {
  const { plot, axis } = layout;
  return plot.bottom - (value / axis.max) * (plot.bottom - plot.top);
}

/** True when every label (and value, if shown) fits its slot and the plot is tall enough. */
export function fits(data: ChartData, layout: CategoryLayout): boolean {
  const texts = data.showValues ? [...data.labels, ...data.values.map(String)] : data.labels;
  const plotHeight = layout.plot.bottom - layout.plot.top;
  return layout.slot >= widestText(texts, layout.fontSize) + LABEL_SPACING * layout.fontSize && plotHeight >= 40;
}

/** Gridlines, tick labels, the two axis lines and the category labels. */
export function drawAxes(data: ChartData, layout: CategoryLayout): string[] {
  const { plot, axis, fontSize } = layout;
  const parts: string[] = [];
  for (const tick of axis.ticks) {
    const y = yOf(layout, tick);
    if (tick > 0) parts.push(line(plot.left, y, plot.right, y, GRID, 1));
    parts.push(line(plot.left - TICK_LENGTH, y, plot.left, y, INK, 1));
    parts.push(label(String(tick), plot.left - TICK_LENGTH - TEXT_GAP, y, fontSize, 'end'));
  }
  parts.push(line(plot.left, plot.top - fontSize / 2, plot.left, plot.bottom, INK, 1.2));
  parts.push(line(plot.left, plot.bottom, plot.right, plot.bottom, INK, 1.2));
  data.labels.forEach((text, i) => {
    parts.push(label(text, centreOf(layout, i), plot.bottom + TEXT_GAP + 2 + fontSize / 2, fontSize, 'middle'));
  });
  return parts;
}

/** Colours a single series may be drawn in (dark enough to stand out, not the text's black). */
export const SERIES_COLOURS = COLOURS.filter((entry) => entry.name !== 'black' && entry.name !== 'yellow');

const PLAN_ATTEMPTS = 40;

/**
 * Random data for a bar or line chart that fits the image: tries random label sets, counts and
 * value ranges, and falls back to the categories A, B, C with values up to 10 (fits every image size).
 */
export function planCategoryChart(
  rng: Rng,
  width: number,
  height: number,
  kind: ChartKindName,
  nouns: readonly LabelNoun[],
  counts: readonly [number, number],
): ChartData {
  const colours = [rng.pick(SERIES_COLOURS).name];
  for (let attempt = 0; attempt < PLAN_ATTEMPTS; attempt++) {
    const labelNoun = rng.pick(nouns);
    const count = rng.int(counts[0], counts[1]);
    const top = rng.pick(VALUE_TOPS);
    const showValues = labelNoun === 'year' || rng.chance(0.8);
    const data: ChartData = {
      kind,
      labels: labelsFor(rng, labelNoun, count),
      values: distinctValues(rng, count, top),
      labelNoun,
      showValues,
      colours,
    };
    if (fits(data, categoryLayout(data, width, height))) return data;
  }
  return { kind, labels: ['A', 'B', 'C'], values: distinctValues(rng, 3, 10), labelNoun: 'category', showValues: true, colours };
}
