import { renderSvgToPng } from '@mixed-r1/vision';
import { STROKE_FONT_CHARACTERS, strokeText, strokeWidthFor, textWidth } from './stroke-font';
import { svgDocument } from './svg';
import { decodePng } from './testing/decode-png';
import { differsMask, maskBox } from './testing/pixels';

describe('stroke font', () => {
  it('draws digits, capitals and chart punctuation', () => {
    for (const character of '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ.%-:,') expect(STROKE_FONT_CHARACTERS).toContain(character);
  });

  it('names an undrawable character and the drawable ones', () => {
    expect(() => textWidth('abc', 10)).toThrow(/no glyph for "a" in "abc"; drawable characters:/);
    expect(() => strokeText('€5', 0, 0, { size: 10, color: '#000' })).toThrow(/no glyph for "€"/);
  });

  it('measures width proportionally to the cap height', () => {
    expect(textWidth('', 10)).toBe(0);
    expect(textWidth('AB', 12)).toBeCloseTo(2 * textWidth('AB', 6), 10);
    // "1" is 4 units wide, "2" 4, spacing 1.5 units: 9.5 units of 6 per cap height.
    expect(textWidth('12', 6)).toBeCloseTo(9.5, 10);
  });

  it('gives the same SVG text for the same label (no font lookup)', () => {
    const a = strokeText('JAN 25%', 10, 20, { size: 12, color: '#222222', anchor: 'middle' });
    expect(strokeText('JAN 25%', 10, 20, { size: 12, color: '#222222', anchor: 'middle' })).toBe(a);
    expect(a).toMatch(/^<path d="M[^"]+" fill="none" stroke="#222222"/);
  });

  it('renders ink exactly where the measured text goes', async () => {
    const [width, height, size] = [200, 40, 12];
    const text = 'W0RLD 42.5%';
    const svg = svgDocument(width, height, '#ffffff', [strokeText(text, 100, 20, { size, color: '#000000', anchor: 'middle' })]);
    const image = decodePng(await renderSvgToPng(svg, width, height));
    const box = maskBox(differsMask(image, [255, 255, 255], 60), width, [0, 0, width, height]);
    expect(box).not.toBeNull();
    const [x1, y1, x2, y2] = box as number[];
    const measured = textWidth(text, size);
    const pen = strokeWidthFor(size);
    // Round caps reach half a stroke beyond the path on each side; allow one more pixel for antialiasing.
    expect(Math.abs(x2 - x1 - measured)).toBeLessThanOrEqual(pen + 1);
    expect(Math.abs((x1 + x2) / 2 - 100)).toBeLessThanOrEqual(1);
    expect(Math.abs(y2 - y1 - size)).toBeLessThanOrEqual(pen + 1);
  });
});
