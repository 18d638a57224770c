import { barChartSvg, escapeXml, histogramSvg } from './svg-charts';
import { histogram, reasonKind } from './stats';

/** Every tag's attribute names, to check that none repeats (a repeated attribute is not well-formed XML). */
function repeatedAttributes(svg: string): string[] {
  const repeated: string[] = [];
  for (const [, attributes] of svg.matchAll(/<[a-z]+((?:\s+[a-z:-]+="[^"]*")*)\s*\/?>/g)) {
    const names = [...attributes.matchAll(/([a-z:-]+)=/g)].map((match) => match[1]);
    repeated.push(...names.filter((name, i) => names.indexOf(name) !== i));
  }
  return repeated;
}

describe('svg charts', () => {
  it('draw one bar per entry, labels escaped, no attribute repeated', () => {
    const svg = barChartSvg('By <source>', [['a&b', 3], ['c', 0]]);
    expect(svg).toContain('By &lt;source&gt;');
    expect(svg).toContain('>a&amp;b<');
    expect(svg.match(/<rect /g)).toHaveLength(2);
    expect(repeatedAttributes(svg)).toEqual([]);
  });

  it('draw histograms with their bin edges, no attribute repeated', () => {
    const svg = histogramSvg('Width', [{ from: 96, to: 120, count: 4 }, { from: 120, to: 144, count: 0 }], 'pixels');
    expect(svg).toMatch(/>96<.*>120<.*>144</);
    expect(repeatedAttributes(svg)).toEqual([]);
  });

  it('escape XML', () => {
    expect(escapeXml('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });
});

describe('stats helpers', () => {
  it('bin values into round bins that cover them all', () => {
    const bins = histogram([112, 113, 200, 448]);
    expect(bins[0].from).toBeLessThanOrEqual(112);
    expect(bins.at(-1)?.to).toBeGreaterThan(448);
    expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(4);
    expect(new Set(bins.map((bin) => bin.to - bin.from)).size).toBe(1);
    expect(histogram([])).toEqual([]);
  });

  it('group reasons by the text before the first colon', () => {
    expect(reasonKind('image undecodable: image of sample "x": bad')).toBe('image undecodable');
    expect(reasonKind('no colon here')).toBe('no colon here');
    expect(reasonKind(`${'x'.repeat(80)}: y`)).toHaveLength(60);
  });
});
