// Sizes shared by the chart drawings, derived from the image size.

import { INK } from '../palette';
import { strokeText, textWidth } from '../stroke-font';

/** Cap height of chart text in pixels: 10 on the smallest images, up to 13. */
export function chartFontSize(width: number, height: number): number {
  return Math.min(13, Math.max(10, Math.round(Math.min(width, height) / 24) + 5));
}

/** Width of the widest of some texts, in pixels. */
export function widestText(texts: readonly string[], size: number): number {
  return Math.max(0, ...texts.map((text) => textWidth(text, size)));
}

/** Chart text in the ink colour. */
export function label(text: string, x: number, y: number, size: number, anchor: 'start' | 'middle' | 'end'): string {
  return strokeText(text, x, y, { size, color: INK, anchor });
}

/** Outer margin of a chart, in pixels. */
export const CHART_PADDING = 6;
/** Gap between a text and what it labels, in pixels. */
export const TEXT_GAP = 4;
