import { escapeHtml } from '../html-escape';
import { clamp01, COLORS, fitLabel, px, svgOpen, textElement, tooltip, type ChartBar } from './chart-parts';

const MARGIN = { left: 44, right: 16, top: 46, bottom: 40 };
const PLOT_HEIGHT = 200;
const SLOT = 120;

export interface BarPair {
  readonly label: string;
  readonly a: ChartBar;
  readonly b: ChartBar;
}

function bar(item: ChartBar, center: number, width: number, color: string, y: (value: number) => number): string {
  if (item.value === null) return textElement(center, y(0) - 6, 'n/a', `text-anchor="middle" fill="${COLORS.axisText}" font-size="11"`);
  const top = y(item.value);
  const parts = [`<rect class="bar" x="${px(center - width / 2)}" y="${px(top)}" width="${px(width)}" height="${px(Math.max(y(0) - top, 0))}" fill="${color}"/>`];
  let labelY = top - 5;
  if (item.ci) {
    const [low, high] = [y(item.ci[0]), y(item.ci[1])];
    parts.push(`<path class="whisker" d="M${px(center)} ${px(low)}V${px(high)}M${px(center - 5)} ${px(low)}H${px(center + 5)}M${px(center - 5)} ${px(high)}H${px(center + 5)}" stroke="${COLORS.whisker}" stroke-width="1.5" fill="none"/>`);
    labelY = Math.min(labelY, high - 5);
  }
  parts.push(textElement(center, Math.max(labelY, MARGIN.top - 4), (100 * item.value).toFixed(1), `text-anchor="middle" fill="${COLORS.text}" font-size="11"`));
  return parts.join('');
}

/** Side-by-side bars of two runs per label (A, then B), with CI whiskers: before/after comparisons. */
export function groupedBarChart(title: string, labels: { a: string; b: string }, pairs: readonly BarPair[]): string {
  const width = MARGIN.left + MARGIN.right + Math.max(pairs.length, 3) * SLOT;
  const height = MARGIN.top + PLOT_HEIGHT + MARGIN.bottom;
  const y = (value: number) => MARGIN.top + PLOT_HEIGHT * (1 - clamp01(value));
  const parts = [svgOpen(width, height, title, 'grouped-bar-chart'), textElement(MARGIN.left, 18, title, `font-weight="600" fill="${COLORS.text}"`)];
  parts.push(`<rect x="${MARGIN.left}" y="26" width="12" height="12" fill="${COLORS.bar}"/>`, textElement(MARGIN.left + 18, 36, `A: ${fitLabel(labels.a, 40)}`, `fill="${COLORS.text}"`));
  const legendB = MARGIN.left + 30 + Math.min(labels.a.length, 40) * 6.6 + 24;
  parts.push(`<rect x="${px(legendB)}" y="26" width="12" height="12" fill="${COLORS.barB}"/>`, textElement(legendB + 18, 36, `B: ${fitLabel(labels.b, 40)}`, `fill="${COLORS.text}"`));
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<line class="grid" x1="${MARGIN.left}" x2="${px(width - MARGIN.right)}" y1="${px(y(tick))}" y2="${px(y(tick))}" stroke="${COLORS.grid}"/>`);
    parts.push(textElement(MARGIN.left - 6, y(tick) + 4, String(tick * 100), `text-anchor="end" fill="${COLORS.axisText}"`));
  }
  pairs.forEach((pair, i) => {
    const center = MARGIN.left + SLOT * (i + 0.5);
    const barWidth = SLOT * 0.3;
    parts.push(`<g class="bar-group"><title>${escapeHtml(pair.label)}</title>`);
    parts.push(`<g>${tooltip(pair.a)}${bar(pair.a, center - barWidth * 0.55, barWidth, COLORS.bar, y)}</g>`);
    parts.push(`<g>${tooltip(pair.b)}${bar(pair.b, center + barWidth * 0.55, barWidth, COLORS.barB, y)}</g>`);
    parts.push(textElement(center, y(0) + 18, fitLabel(pair.label, 16), `text-anchor="middle" fill="${COLORS.text}"`), '</g>');
  });
  parts.push(`<line x1="${MARGIN.left}" x2="${px(width - MARGIN.right)}" y1="${px(y(0))}" y2="${px(y(0))}" stroke="${COLORS.axisText}"/>`, '</svg>');
  return parts.join('');
}
