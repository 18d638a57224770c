// Small helpers to write SVG documents as text: fixed-precision numbers (so the same scene always
// gives the same bytes) and the document wrapper.

/** A coordinate with at most two decimals, without trailing zeros ("12", "12.5", "-0.25"). */
export function num(value: number): string {
  if (!Number.isFinite(value)) throw new TypeError(`svg: a coordinate must be finite, found ${value}`);
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** A whole SVG document of exactly width x height pixels on a solid background. */
export function svgDocument(width: number, height: number, background: string, body: readonly string[]): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect x="0" y="0" width="${width}" height="${height}" fill="${background}"/>` +
    body.join('') +
    '</svg>'
  );
}

/** A polygon through the given points. */
export function polygon(points: readonly (readonly [number, number])[], fill: string): string {
  return `<polygon points="${points.map(([x, y]) => `${num(x)},${num(y)}`).join(' ')}" fill="${fill}"/>`;
}

/** An axis-aligned filled rectangle. */
export function rect(x: number, y: number, width: number, height: number, fill: string): string {
  return `<rect x="${num(x)}" y="${num(y)}" width="${num(width)}" height="${num(height)}" fill="${fill}"/>`;
}

/** A straight line. */
export function line(x1: number, y1: number, x2: number, y2: number, stroke: string, width: number): string {
  const ends = `x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}"`;
  return `<line ${ends} stroke="${stroke}" stroke-width="${num(width)}"/>`;
}
