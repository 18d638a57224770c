// Line chart: one point per month, year or category, joined by a line, each point marked and its
// value written above it when shown.

import { colourNamed, type ColourName } from '../palette';
import type { Rng } from '../rng';
import { num, svgDocument } from '../svg';
import type { ChartData } from './chart-data';
import type { ChartKind } from './chart-kind';
import { label, TEXT_GAP } from './chart-style';
import { categoryLayout, centreOf, drawAxes, planCategoryChart, yOf, type CategoryLayout } from './value-axis';

/** The point [x, y] of each value, in pixels. */
export function linePoints(data: ChartData, layout: CategoryLayout): [number, number][] {
  return data.values.map((value, i) => [centreOf(layout, i), yOf(layout, value)]);
}

/** True when the point is below its neighbours: its value label goes under it, off the line. */
function isValley(values: readonly number[], index: number): boolean {
  const neighbours = [values[index - 1], values[index + 1]].filter((value) => value !== undefined);
  return neighbours.every((value) => value > values[index]);
}

export const lineChart: ChartKind = {
  name: 'line',
  plan(rng: Rng, width: number, height: number): ChartData {
    return planCategoryChart(rng, width, height, 'line', ['month', 'month', 'year'], [3, 8]);
  },
  draw(data: ChartData, width: number, height: number): string {
    const layout = categoryLayout(data, width, height);
    const colour = colourNamed(data.colours[0] as ColourName).hex;
    const points = linePoints(data, layout);
    const parts = drawAxes(data, layout);
    const strokeWidth = Math.max(1.5, layout.fontSize / 6);
    parts.push(
      `<polyline points="${points.map(([x, y]) => `${num(x)},${num(y)}`).join(' ')}" fill="none" stroke="${colour}" ` +
        `stroke-width="${num(strokeWidth)}" stroke-linejoin="round"/>`,
    );
    const radius = Math.max(2.5, layout.fontSize / 4);
    points.forEach(([x, y], i) => {
      parts.push(`<circle cx="${num(x)}" cy="${num(y)}" r="${num(radius)}" fill="${colour}"/>`);
      if (data.showValues) {
        const offset = radius + TEXT_GAP + layout.fontSize / 2;
        const below = isValley(data.values, i) && y + offset + layout.fontSize / 2 < layout.plot.bottom - TEXT_GAP;
        parts.push(label(String(data.values[i]), x, below ? y + offset : y - offset, layout.fontSize, 'middle'));
      }
    });
    return svgDocument(width, height, '#ffffff', parts);
  },
};
