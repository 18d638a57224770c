// Vertical bar chart: one bar per category from the baseline to its value, the value written
// above the bar when shown.

import { colourNamed, type ColourName } from '../palette';
import type { Rng } from '../rng';
import { rect, svgDocument } from '../svg';
import type { ChartData } from './chart-data';
import type { ChartKind } from './chart-kind';
import { label, TEXT_GAP } from './chart-style';
import { categoryLayout, centreOf, drawAxes, planCategoryChart, yOf, type CategoryLayout } from './value-axis';

/** Share of a category's slot that its bar covers. */
const BAR_FILL = 0.62;

/** The rectangle [x1, y1, x2, y2] of each bar, in pixels. */
export function barRects(data: ChartData, layout: CategoryLayout): [number, number, number, number][] {
  const barWidth = layout.slot * BAR_FILL;
  return data.values.map((value, i) => {
    const centre = centreOf(layout, i);
    return [centre - barWidth / 2, yOf(layout, value), centre + barWidth / 2, layout.plot.bottom];
  });
}

export const barChart: ChartKind = {
  name: 'bar',
  plan(rng: Rng, width: number, height: number): ChartData {
    return planCategoryChart(rng, width, height, 'bar', ['category'], [3, 7]);
  },
  draw(data: ChartData, width: number, height: number): string {
    const layout = categoryLayout(data, width, height);
    const fill = colourNamed(data.colours[0] as ColourName).hex;
    const parts = drawAxes(data, layout);
    barRects(data, layout).forEach(([x1, y1, x2, y2], i) => {
      parts.push(rect(x1, y1, x2 - x1, y2 - y1, fill));
      if (data.showValues) {
        parts.push(label(String(data.values[i]), (x1 + x2) / 2, y1 - TEXT_GAP - layout.fontSize / 2, layout.fontSize, 'middle'));
      }
    });
    return svgDocument(width, height, '#ffffff', parts);
  },
};
