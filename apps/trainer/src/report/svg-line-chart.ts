/** One named series of (step, value) points. */
export interface Series {
  readonly name: string;
  readonly points: readonly (readonly [number, number])[];
}

const PALETTE = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#4b5563'];

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function niceTicks(min: number, max: number, count = 4): number[] {
  if (min === max) return [min];
  const step = (max - min) / count;
  return Array.from({ length: count + 1 }, (_, i) => min + i * step);
}

function formatTick(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude === 0) return '0';
  if (magnitude >= 100) return value.toFixed(0);
  if (magnitude >= 1) return value.toFixed(2);
  return value.toPrecision(2);
}

/** A self-contained SVG line chart (axes, ticks, legend) of one or more series. */
export function svgLineChart(title: string, series: readonly Series[], width = 480, height = 240): string {
  const margin = { left: 52, right: 12, top: 28, bottom: 40 };
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="60" role="img"><text x="8" y="30">${escapeXml(title)}: no data</text></svg>`;
  const xs = all.map(([x]) => x);
  const ys = all.map(([, y]) => y);
  const [xMin, xMax] = [Math.min(...xs), Math.max(...xs)];
  let [yMin, yMax] = [Math.min(...ys), Math.max(...ys)];
  if (yMin === yMax) [yMin, yMax] = [yMin - 1, yMax + 1];
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const x = (v: number) => margin.left + (xMax === xMin ? plotW / 2 : ((v - xMin) / (xMax - xMin)) * plotW);
  const y = (v: number) => margin.top + plotH - ((v - yMin) / (yMax - yMin)) * plotH;
  const grid = niceTicks(yMin, yMax)
    .map((t) => `<line x1="${margin.left}" x2="${width - margin.right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#e5e7eb"/><text x="${margin.left - 6}" y="${(y(t) + 4).toFixed(1)}" font-size="10" text-anchor="end" fill="#374151">${formatTick(t)}</text>`)
    .join('');
  const lines = series
    .map((s, i) => {
      const colour = PALETTE[i % PALETTE.length];
      const path = s.points.map(([px, py], k) => `${k === 0 ? 'M' : 'L'}${x(px).toFixed(1)},${y(py).toFixed(1)}`).join(' ');
      const dots = s.points.length <= 60 ? s.points.map(([px, py]) => `<circle cx="${x(px).toFixed(1)}" cy="${y(py).toFixed(1)}" r="2" fill="${colour}"/>`).join('') : '';
      return `<path d="${path}" fill="none" stroke="${colour}" stroke-width="1.8"/>${dots}`;
    })
    .join('');
  // Legend entries share the width below the plot (5 task types fit in 480 px).
  const slot = Math.min(110, (width - margin.left) / Math.max(series.length, 1));
  const legend = series
    .map((s, i) => `<rect x="${(margin.left + i * slot).toFixed(1)}" y="${height - 14}" width="9" height="9" fill="${PALETTE[i % PALETTE.length]}"/><text x="${(margin.left + 12 + i * slot).toFixed(1)}" y="${height - 6}" font-size="9" fill="#111827">${escapeXml(s.name)}</text>`)
    .join('');
  const xLabels = `<text x="${margin.left}" y="${height - 22}" font-size="10" fill="#374151">step ${xMin}</text><text x="${width - margin.right}" y="${height - 22}" font-size="10" text-anchor="end" fill="#374151">${xMax}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}"><text x="${margin.left}" y="16" font-size="13" font-weight="600" fill="#111827">${escapeXml(title)}</text>${grid}<line x1="${margin.left}" x2="${margin.left}" y1="${margin.top}" y2="${margin.top + plotH}" stroke="#9ca3af"/>${lines}${xLabels}${legend}</svg>`;
}

export { escapeXml };
