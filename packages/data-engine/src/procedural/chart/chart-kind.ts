import type { Rng } from '../rng';
import type { ChartData, ChartKindName } from './chart-data';

/** One kind of chart: how its data is drawn at random to fit an image, and how it is drawn. */
export interface ChartKind {
  readonly name: ChartKindName;
  /** Random data that fits an image of this size (fewer or shorter labels on small images). */
  plan(rng: Rng, width: number, height: number): ChartData;
  /** The chart as an SVG document of exactly width x height. */
  draw(data: ChartData, width: number, height: number): string;
}
