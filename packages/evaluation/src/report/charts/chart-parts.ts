import { escapeHtml } from '../html-escape';

// Pieces every inline SVG chart shares: numbers written compactly, labels cut to fit, the palette.

/** One bar: a value in [0, 1] (null: not available) with its confidence interval. */
export interface ChartBar {
  readonly label: string;
  readonly value: number | null;
  readonly ci: readonly [number, number] | null;
  /** Shown instead of a bar when value is null ("n/a"). */
  readonly note?: string;
  /** Rows behind the value, shown in the tooltip. */
  readonly n?: number;
}

export const COLORS = {
  bar: '#3b6fb6',
  barB: '#e07b39',
  whisker: '#1f2d3d',
  grid: '#d9dee5',
  axisText: '#4a5563',
  text: '#1f2d3d',
  up: '#2e8b57',
  down: '#c0392b',
  neutral: '#7a8794',
} as const;

export const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif"';

/** A coordinate with at most one decimal (small, stable SVG text). */
export const px = (value: number): string => String(Math.round(value * 10) / 10);

/** A label cut to `max` characters with an ellipsis. */
export function fitLabel(label: string, max: number): string {
  return label.length > max ? `${label.slice(0, Math.max(max - 1, 1))}…` : label;
}

export function textElement(x: number, y: number, text: string, attributes = ''): string {
  return `<text x="${px(x)}" y="${px(y)}" ${attributes}>${escapeHtml(text)}</text>`;
}

/** The tooltip of a bar: label, value, CI and rows. */
export function tooltip(bar: ChartBar): string {
  const value = bar.value === null ? (bar.note ?? 'n/a') : `${(100 * bar.value).toFixed(1)}`;
  const ci = bar.ci ? ` [${(100 * bar.ci[0]).toFixed(1)}, ${(100 * bar.ci[1]).toFixed(1)}]` : '';
  const n = bar.n === undefined ? '' : ` (n=${bar.n})`;
  return `<title>${escapeHtml(`${bar.label}: ${value}${ci}${n}`)}</title>`;
}

/** The opening tag of a chart: its size, an accessible name, and the shared font. */
export function svgOpen(width: number, height: number, title: string, kind: string): string {
  return `<svg class="chart ${kind}" width="${px(width)}" height="${px(height)}" viewBox="0 0 ${px(width)} ${px(height)}" role="img" aria-label="${escapeHtml(title)}" ${FONT} font-size="12">`;
}

export const clamp01 = (value: number): number => Math.min(Math.max(value, 0), 1);
