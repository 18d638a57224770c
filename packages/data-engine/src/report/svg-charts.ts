import type { HistogramBin } from './stats';

// Inline SVG charts for the self-contained stats page: no scripts, no fonts or files fetched.

const BAR_COLOUR = '#4e79a7';
const FONT = 'font-family="sans-serif" font-size="12"';
const SMALL_FONT = 'font-family="sans-serif" font-size="9"';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Horizontal bars, one per entry, labelled with the name and the count. */
export function barChartSvg(title: string, entries: readonly (readonly [string, number])[]): string {
  const labelWidth = Math.min(320, 12 + 7 * Math.max(8, ...entries.map(([name]) => name.length)));
  const barSpace = 360;
  const rowHeight = 22;
  const height = 30 + rowHeight * entries.length;
  const width = labelWidth + barSpace + 80;
  const most = Math.max(1, ...entries.map(([, count]) => count));
  const rows = entries.map(([name, count], i) => {
    const y = 28 + i * rowHeight;
    const length = Math.max(count > 0 ? 1 : 0, Math.round((count / most) * barSpace));
    return (
      `<text x="${labelWidth - 6}" y="${y + 14}" text-anchor="end" ${FONT}>${escapeXml(name)}</text>` +
      `<rect x="${labelWidth}" y="${y + 2}" width="${length}" height="${rowHeight - 6}" fill="${BAR_COLOUR}"/>` +
      `<text x="${labelWidth + length + 6}" y="${y + 14}" ${FONT}>${count}</text>`
    );
  });
  return svg(width, height, title, rows.join(''));
}

/** Vertical bars over value ranges, with the range edges below. */
export function histogramSvg(title: string, bins: readonly HistogramBin[], unit: string): string {
  const barWidth = 28;
  const chartHeight = 160;
  const left = 40;
  const width = left + barWidth * Math.max(bins.length, 1) + 40;
  const height = chartHeight + 80;
  const most = Math.max(1, ...bins.map((bin) => bin.count));
  const bars = bins.map((bin, i) => {
    const barHeight = Math.round((bin.count / most) * chartHeight);
    const x = left + i * barWidth;
    const y = 30 + chartHeight - barHeight;
    return (
      `<rect x="${x + 2}" y="${y}" width="${barWidth - 4}" height="${barHeight}" fill="${BAR_COLOUR}"><title>${bin.from}-${bin.to} ${escapeXml(unit)}: ${bin.count}</title></rect>` +
      (bin.count > 0 ? `<text x="${x + barWidth / 2}" y="${y - 3}" text-anchor="middle" ${SMALL_FONT}>${bin.count}</text>` : '') +
      `<text x="${x}" y="${48 + chartHeight}" text-anchor="middle" ${SMALL_FONT}>${bin.from}</text>`
    );
  });
  const last = bins.at(-1);
  const end = last ? `<text x="${left + bins.length * barWidth}" y="${48 + chartHeight}" text-anchor="middle" ${SMALL_FONT}>${last.to}</text>` : '';
  const axis = `<text x="${left}" y="${70 + chartHeight}" ${FONT}>${escapeXml(unit)}</text>`;
  return svg(width, height, title, bars.join('') + end + axis);
}

function svg(width: number, height: number, title: string, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}">` +
    `<text x="4" y="16" ${FONT} font-weight="bold">${escapeXml(title)}</text>${body}</svg>`
  );
}
