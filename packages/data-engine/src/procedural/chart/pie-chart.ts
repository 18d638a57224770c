// Pie chart: slices clockwise from twelve o'clock in label order, one palette colour each, and a
// legend (colour swatch, label, and the percentage when shown) to the right of or below the pie.

import { COLOURS, colourNamed, type ColourName } from '../palette';
import type { Rng } from '../rng';
import { num, rect, svgDocument } from '../svg';
import { labelsFor, percentages, type ChartData } from './chart-data';
import type { ChartKind } from './chart-kind';
import { CHART_PADDING, chartFontSize, label, TEXT_GAP, widestText } from './chart-style';

export interface PieLayout {
  readonly fontSize: number;
  readonly centre: readonly [number, number];
  readonly radius: number;
  /** Top-left corner of each legend entry's swatch. */
  readonly legend: readonly (readonly [number, number])[];
}

const ROW_HEIGHT = 1.7;
const MIN_RADIUS = 24;
const PLAN_ATTEMPTS = 40;

/** The legend text of slice i: "CAT 25%" or "CAT". */
export function legendText(data: ChartData, index: number): string {
  return data.showValues ? `${data.labels[index]} ${data.values[index]}%` : data.labels[index];
}

/** Space between the pie and its legend, in pixels. */
const LEGEND_GAP = 2 * TEXT_GAP;

/** The pie on the left, the legend in one column on its right; the pair centred in the image. */
function legendRight(data: ChartData, width: number, height: number, size: number, entryWidth: number): PieLayout {
  const rowHeight = size * ROW_HEIGHT;
  const legendHeight = data.labels.length * rowHeight;
  const radius = Math.min(width - 2 * CHART_PADDING - LEGEND_GAP - entryWidth, height - 2 * CHART_PADDING) / 2;
  const groupLeft = (width - (2 * radius + LEGEND_GAP + entryWidth)) / 2;
  const legendLeft = groupLeft + 2 * radius + LEGEND_GAP;
  const legendTop = (height - legendHeight) / 2 + (rowHeight - size) / 2;
  const legend = data.labels.map((_, i) => [legendLeft, legendTop + i * rowHeight] as const);
  const fitsHeight = legendHeight <= height - 2 * CHART_PADDING;
  return { fontSize: size, centre: [groupLeft + radius, height / 2], radius: fitsHeight ? Math.max(0, radius) : 0, legend };
}

/** The pie on top, the legend below it in as many columns as fit; the pair centred in the image. */
function legendBelow(data: ChartData, width: number, height: number, size: number, entryWidth: number): PieLayout {
  const rowHeight = size * ROW_HEIGHT;
  const columnWidth = entryWidth + 2 * size;
  const columns = Math.max(1, Math.min(data.labels.length, Math.floor((width - 2 * CHART_PADDING + 2 * size) / columnWidth)));
  const rows = Math.ceil(data.labels.length / columns);
  const legendHeight = rows * rowHeight;
  const radius = Math.min(width - 2 * CHART_PADDING, height - 2 * CHART_PADDING - LEGEND_GAP - legendHeight) / 2;
  const groupTop = (height - (2 * radius + LEGEND_GAP + legendHeight)) / 2;
  const legendTop = groupTop + 2 * radius + LEGEND_GAP + (rowHeight - size) / 2;
  const legendLeft = (width - (columns * columnWidth - 2 * size)) / 2;
  const legend = data.labels.map(
    (_, i) => [legendLeft + (i % columns) * columnWidth, legendTop + Math.floor(i / columns) * rowHeight] as const,
  );
  const fitsWidth = entryWidth <= width - 2 * CHART_PADDING;
  return { fontSize: size, centre: [width / 2, groupTop + radius], radius: fitsWidth ? Math.max(0, radius) : 0, legend };
}

/** Where the pie and its legend go: beside or below, whichever gives the larger pie. */
export function pieLayout(data: ChartData, width: number, height: number): PieLayout {
  const size = chartFontSize(width, height);
  const entryWidth = size + TEXT_GAP + widestText(data.labels.map((_, i) => legendText(data, i)), size);
  const right = legendRight(data, width, height, size, entryWidth);
  const below = legendBelow(data, width, height, size, entryWidth);
  return right.radius >= below.radius ? right : below;
}

/** Start and end angles (radians, clockwise from twelve o'clock) of each slice. */
export function sliceAngles(data: ChartData): [number, number][] {
  const total = data.values.reduce((sum, value) => sum + value, 0);
  let start = 0;
  return data.values.map((value) => {
    const end = start + (value / total) * 2 * Math.PI;
    const angles: [number, number] = [start, end];
    start = end;
    return angles;
  });
}

/** The point at `angle` (clockwise from twelve o'clock) and distance `distance` from the centre. */
export function pointAt(layout: PieLayout, angle: number, distance: number): [number, number] {
  return [layout.centre[0] + distance * Math.sin(angle), layout.centre[1] - distance * Math.cos(angle)];
}

function slicePath(layout: PieLayout, start: number, end: number, fill: string): string {
  const [x0, y0] = pointAt(layout, start, layout.radius);
  const [x1, y1] = pointAt(layout, end, layout.radius);
  const large = end - start > Math.PI ? 1 : 0;
  const [cx, cy] = layout.centre;
  const r = num(layout.radius);
  return (
    `<path d="M${num(cx)} ${num(cy)}L${num(x0)} ${num(y0)}A${r} ${r} 0 ${large} 1 ${num(x1)} ${num(y1)}Z" ` +
    `fill="${fill}" stroke="#ffffff" stroke-width="1" stroke-linejoin="round"/>`
  );
}

/** Slice colours: any palette colour but black (kept for text). */
const SLICE_COLOURS = COLOURS.filter((entry) => entry.name !== 'black').map((entry) => entry.name);

export const pieChart: ChartKind = {
  name: 'pie',
  plan(rng: Rng, width: number, height: number): ChartData {
    let data: ChartData | null = null;
    for (let attempt = 0; attempt < PLAN_ATTEMPTS; attempt++) {
      const count = attempt < PLAN_ATTEMPTS / 2 ? rng.int(3, 6) : 3;
      data = {
        kind: 'pie',
        labels: attempt < PLAN_ATTEMPTS / 2 ? labelsFor(rng, 'slice', count) : ['A', 'B', 'C'],
        values: percentages(rng, count),
        labelNoun: 'slice',
        showValues: rng.chance(0.85),
        colours: rng.sample(SLICE_COLOURS, count),
      };
      if (pieLayout(data, width, height).radius >= MIN_RADIUS) return data;
    }
    if (!data) throw new Error('pie chart: no plan attempts');
    return data;
  },
  draw(data: ChartData, width: number, height: number): string {
    const layout = pieLayout(data, width, height);
    const size = layout.fontSize;
    const parts: string[] = [];
    sliceAngles(data).forEach(([start, end], i) => {
      parts.push(slicePath(layout, start, end, colourNamed(data.colours[i] as ColourName).hex));
    });
    layout.legend.forEach(([x, y], i) => {
      parts.push(rect(x, y, size, size, colourNamed(data.colours[i] as ColourName).hex));
      parts.push(label(legendText(data, i), x + size + TEXT_GAP, y + size / 2, size, 'start'));
    });
    return svgDocument(width, height, '#ffffff', parts);
  },
};
