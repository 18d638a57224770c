import { barChart } from './bar-chart';
import type { ChartKindName } from './chart-data';
import type { ChartKind } from './chart-kind';
import { lineChart } from './line-chart';
import { pieChart } from './pie-chart';

/** Every chart kind, by name: the one place chart kinds are registered. */
export const CHART_KINDS: Readonly<Record<ChartKindName, ChartKind>> = Object.freeze({
  bar: barChart,
  line: lineChart,
  pie: pieChart,
});

export const CHART_KIND_NAMES = Object.keys(CHART_KINDS) as ChartKindName[];
