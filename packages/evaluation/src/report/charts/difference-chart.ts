import { escapeHtml } from '../html-escape';
import { signedPoints } from '../format';
import { COLORS, fitLabel, px, svgOpen, textElement } from './chart-parts';

const ROW = 26;
const PLOT_WIDTH = 360;
const LABEL_CHARS = 28;

export interface DifferenceRow {
  readonly label: string;
  /** B - A. */
  readonly difference: number;
  readonly ci: readonly [number, number];
  readonly significant: boolean;
}

/** An axis tick in points: "0", "+10", "-2.5". */
function tickLabel(value: number): string {
  const points = Math.round(value * 1000) / 10;
  return points === 0 ? '0' : `${points > 0 ? '+' : ''}${points}`;
}

/** The axis half-width: the largest |CI end|, rounded up to 5 points (at least 5). */
function halfRange(rows: readonly DifferenceRow[]): number {
  const largest = Math.max(0.05, ...rows.flatMap((row) => [Math.abs(row.ci[0]), Math.abs(row.ci[1]), Math.abs(row.difference)]));
  return Math.ceil(largest / 0.05 - 1e-9) * 0.05;
}

/**
 * Differences B - A with their CIs around a zero line, one row per group: green or red where the
 * CI excludes 0 (a significant gain or loss), grey otherwise.
 */
export function differenceChart(title: string, rows: readonly DifferenceRow[]): string {
  const longest = Math.max(8, ...rows.map((row) => Math.min(row.label.length, LABEL_CHARS)));
  const left = 12 + longest * 6.6;
  const top = 44;
  const width = left + PLOT_WIDTH + 150;
  const height = top + ROW * Math.max(rows.length, 1) + 12;
  const range = halfRange(rows);
  const x = (value: number) => left + (PLOT_WIDTH * (Math.max(-range, Math.min(range, value)) + range)) / (2 * range);
  const parts = [svgOpen(width, height, title, 'difference-chart'), textElement(8, 18, title, `font-weight="600" fill="${COLORS.text}"`)];
  for (const tick of [-range, -range / 2, 0, range / 2, range]) {
    parts.push(`<line class="grid" x1="${px(x(tick))}" x2="${px(x(tick))}" y1="${top - 6}" y2="${px(height - 8)}" stroke="${tick === 0 ? COLORS.axisText : COLORS.grid}"/>`);
    parts.push(textElement(x(tick), top - 12, tickLabel(tick), `text-anchor="middle" fill="${COLORS.axisText}"`));
  }
  rows.forEach((row, i) => {
    const middle = top + ROW * (i + 0.5);
    const color = !row.significant ? COLORS.neutral : row.difference > 0 ? COLORS.up : COLORS.down;
    const [low, high] = [x(row.ci[0]), x(row.ci[1])];
    const verdict = row.significant ? 'outside the CI of no change' : 'within noise';
    parts.push(`<g class="difference"><title>${escapeHtml(`${row.label}: ${signedPoints(row.difference)} [${signedPoints(row.ci[0])}, ${signedPoints(row.ci[1])}] points, ${verdict}`)}</title>`);
    parts.push(textElement(left - 8, middle + 4, fitLabel(row.label, LABEL_CHARS), `text-anchor="end" fill="${COLORS.text}"`));
    parts.push(`<path class="whisker" d="M${px(low)} ${px(middle)}H${px(high)}M${px(low)} ${px(middle - 5)}V${px(middle + 5)}M${px(high)} ${px(middle - 5)}V${px(middle + 5)}" stroke="${color}" stroke-width="2" fill="none"/>`);
    parts.push(`<circle class="point" cx="${px(x(row.difference))}" cy="${px(middle)}" r="5" fill="${color}"/>`);
    parts.push(textElement(left + PLOT_WIDTH + 10, middle + 4, `${signedPoints(row.difference)}${row.significant ? ' *' : ''}`, `fill="${color}" font-weight="600"`));
    parts.push('</g>');
  });
  parts.push('</svg>');
  return parts.join('');
}
