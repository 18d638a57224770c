import { clamp01, COLORS, fitLabel, px, svgOpen, textElement, tooltip, type ChartBar } from './chart-parts';

const MARGIN = { left: 44, right: 16, top: 30, bottom: 54 };
const PLOT_HEIGHT = 200;
const SLOT = 112;

/**
 * Vertical bars of values in [0, 1] on a 0-100 axis, each with its confidence-interval whisker and
 * its value written above: the per-task chart.
 */
export function barChart(title: string, bars: readonly ChartBar[]): string {
  const width = MARGIN.left + MARGIN.right + Math.max(bars.length, 3) * SLOT;
  const height = MARGIN.top + PLOT_HEIGHT + MARGIN.bottom;
  const y = (value: number) => MARGIN.top + PLOT_HEIGHT * (1 - clamp01(value));
  const parts = [svgOpen(width, height, title, 'bar-chart'), textElement(MARGIN.left, 18, title, `font-weight="600" fill="${COLORS.text}"`)];
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<line class="grid" x1="${MARGIN.left}" x2="${px(width - MARGIN.right)}" y1="${px(y(tick))}" y2="${px(y(tick))}" stroke="${COLORS.grid}"/>`);
    parts.push(textElement(MARGIN.left - 6, y(tick) + 4, String(tick * 100), `text-anchor="end" fill="${COLORS.axisText}"`));
  }
  bars.forEach((bar, i) => {
    const center = MARGIN.left + SLOT * (i + 0.5);
    const barWidth = SLOT * 0.56;
    parts.push(`<g class="bar-group">${tooltip(bar)}`);
    if (bar.value === null) {
      parts.push(textElement(center, y(0) - 6, bar.note ?? 'n/a', `text-anchor="middle" fill="${COLORS.axisText}"`));
    } else {
      const top = y(bar.value);
      parts.push(`<rect class="bar" x="${px(center - barWidth / 2)}" y="${px(top)}" width="${px(barWidth)}" height="${px(Math.max(y(0) - top, 0))}" fill="${COLORS.bar}"/>`);
      let labelY = top - 6;
      if (bar.ci) {
        const [low, high] = [y(bar.ci[0]), y(bar.ci[1])];
        parts.push(
          `<path class="whisker" d="M${px(center)} ${px(low)}V${px(high)}M${px(center - 7)} ${px(low)}H${px(center + 7)}M${px(center - 7)} ${px(high)}H${px(center + 7)}" stroke="${COLORS.whisker}" stroke-width="1.5" fill="none"/>`,
        );
        labelY = Math.min(labelY, high - 6);
      }
      parts.push(textElement(center, Math.max(labelY, MARGIN.top - 2), (100 * bar.value).toFixed(1), `text-anchor="middle" fill="${COLORS.text}" font-weight="600"`));
    }
    parts.push(textElement(center, y(0) + 18, fitLabel(bar.label, 17), `text-anchor="middle" fill="${COLORS.text}"`));
    if (bar.n !== undefined) parts.push(textElement(center, y(0) + 34, `n=${bar.n}`, `text-anchor="middle" fill="${COLORS.axisText}" font-size="11"`));
    parts.push('</g>');
  });
  parts.push(`<line x1="${MARGIN.left}" x2="${px(width - MARGIN.right)}" y1="${px(y(0))}" y2="${px(y(0))}" stroke="${COLORS.axisText}"/>`);
  parts.push('</svg>');
  return parts.join('');
}
