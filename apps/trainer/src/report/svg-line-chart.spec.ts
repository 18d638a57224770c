import { svgLineChart } from './svg-line-chart';

describe('svgLineChart', () => {
  const chart = svgLineChart('Reward <per> task', [
    { name: 'yes_no', points: [[1, 0], [2, 1], [3, 0.5]] },
    { name: 'chart', points: [[1, 1]] },
  ]);

  it('draws one path per series through its points, scaled into the plot', () => {
    const paths = [...chart.matchAll(/<path d="([^"]+)"/g)].map((m) => m[1]);
    expect(paths).toHaveLength(2);
    // x: step 1 -> 52 (left margin), step 3 -> 468 (480 - 12); y: 1 -> 28 (top), 0 -> 200 (240 - 40).
    expect(paths[0]).toBe('M52.0,200.0 L260.0,28.0 L468.0,114.0');
  });

  it('escapes the title and names every series in the legend', () => {
    expect(chart).toContain('aria-label="Reward &#60;per&#62; task"');
    expect(chart).toMatch(/>yes_no<\/text>.*>chart<\/text>/);
  });

  it('says when there is nothing to draw', () => {
    expect(svgLineChart('KL', [{ name: 'kl', points: [] }])).toContain('KL: no data');
  });
});
