import { clamp01, COLORS, fitLabel, px, svgOpen, textElement, tooltip, type ChartBar } from './chart-parts';

const ROW = 24;
const PLOT_WIDTH = 360;
const LABEL_CHARS = 28;
const CHAR_WIDTH = 6.6;

/**
 * Horizontal bars of values in [0, 1] on a 0-100 axis with CI whiskers and values at the right:
 * the per-category chart (category names can be long).
 */
export function horizontalBarChart(title: string, bars: readonly ChartBar[]): string {
  const longest = Math.max(8, ...bars.map((bar) => Math.min(bar.label.length, LABEL_CHARS)));
  const left = 12 + longest * CHAR_WIDTH;
  const top = 44;
  const width = left + PLOT_WIDTH + 110;
  const height = top + ROW * Math.max(bars.length, 1) + 12;
  const x = (value: number) => left + PLOT_WIDTH * clamp01(value);
  const parts = [svgOpen(width, height, title, 'horizontal-bar-chart'), textElement(8, 18, title, `font-weight="600" fill="${COLORS.text}"`)];
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<line class="grid" x1="${px(x(tick))}" x2="${px(x(tick))}" y1="${top - 6}" y2="${px(height - 8)}" stroke="${COLORS.grid}"/>`);
    parts.push(textElement(x(tick), top - 12, String(tick * 100), `text-anchor="middle" fill="${COLORS.axisText}"`));
  }
  bars.forEach((bar, i) => {
    const middle = top + ROW * (i + 0.5);
    parts.push(`<g class="bar-group">${tooltip(bar)}`);
    parts.push(textElement(left - 8, middle + 4, fitLabel(bar.label, LABEL_CHARS), `text-anchor="end" fill="${COLORS.text}"`));
    if (bar.value === null) {
      parts.push(textElement(x(0) + 6, middle + 4, bar.note ?? 'n/a', `fill="${COLORS.axisText}"`));
    } else {
      parts.push(`<rect class="bar" x="${px(x(0))}" y="${px(middle - ROW * 0.32)}" width="${px(x(bar.value) - x(0))}" height="${px(ROW * 0.64)}" fill="${COLORS.bar}"/>`);
      let textX = x(bar.value);
      if (bar.ci) {
        const [low, high] = [x(bar.ci[0]), x(bar.ci[1])];
        parts.push(
          `<path class="whisker" d="M${px(low)} ${px(middle)}H${px(high)}M${px(low)} ${px(middle - 5)}V${px(middle + 5)}M${px(high)} ${px(middle - 5)}V${px(middle + 5)}" stroke="${COLORS.whisker}" stroke-width="1.5" fill="none"/>`,
        );
        textX = Math.max(textX, high);
      }
      const n = bar.n === undefined ? '' : `  n=${bar.n}`;
      parts.push(textElement(textX + 8, middle + 4, `${(100 * bar.value).toFixed(1)}${n}`, `fill="${COLORS.text}"`));
    }
    parts.push('</g>');
  });
  parts.push(`<line x1="${px(x(0))}" x2="${px(x(0))}" y1="${top - 6}" y2="${px(height - 8)}" stroke="${COLORS.axisText}"/>`);
  parts.push('</svg>');
  return parts.join('');
}
