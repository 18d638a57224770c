// A built-in vector stroke font: every glyph is a few polylines on a grid 6 units tall (the cap
// height; digits and capitals only), drawn as one SVG path with round caps and joins. Rendered
// text therefore does not depend on the fonts installed on a machine: the same label gives the
// same pixels everywhere. Legible from a cap height of about 8 px.

import { num } from './svg';

/** Cap height of the glyph grid, in font units. */
const CAP_UNITS = 6;
/** Space between two glyphs, in font units. */
const SPACING_UNITS = 1.5;

interface Glyph {
  /** Advance width without spacing, in font units. */
  readonly width: number;
  /** Polylines, each a list of [x, y] points (y down, 0 = top of the capitals). */
  readonly strokes: readonly (readonly (readonly [number, number])[])[];
}

// Each glyph as "width|x,y x,y ...; x,y ...": polylines separated by ";".
const GLYPH_SOURCE: Readonly<Record<string, string>> = {
  '0': '4|1,0 3,0 4,1 4,5 3,6 1,6 0,5 0,1 1,0',
  '1': '4|1,1.2 2.2,0 2.2,6; 1,6 3.4,6',
  '2': '4|0,1 1,0 3,0 4,1 4,2.2 0,6 4,6',
  '3': '4|0,0 4,0 1.8,2.6 3,2.6 4,3.6 4,5 3,6 1,6 0,5',
  '4': '4|3,6 3,0 0,4.2 4,4.2',
  '5': '4|4,0 0.3,0 0,2.7 3,2.7 4,3.7 4,5 3,6 1,6 0,5',
  '6': '4|3.4,0 1.4,0 0,1.6 0,5 1,6 3,6 4,5 4,3.6 3,2.6 1,2.6 0,3.6',
  '7': '4|0,0 4,0 1.4,6',
  '8': '4|1,3 0,2 0,1 1,0 3,0 4,1 4,2 3,3 1,3 0,4 0,5 1,6 3,6 4,5 4,4 3,3',
  '9': '4|0.6,6 2.6,6 4,4.4 4,1 3,0 1,0 0,1 0,2.4 1,3.4 3,3.4 4,2.4',
  A: '4|0,6 2,0 4,6; 0.7,4 3.3,4',
  B: '4|0,3 3,3 4,4 4,5 3,6 0,6 0,0 3,0 4,1 4,2 3,3',
  C: '4|4,1 3,0 1,0 0,1 0,5 1,6 3,6 4,5',
  D: '4|0,0 0,6 2.4,6 4,4.4 4,1.6 2.4,0 0,0',
  E: '4|4,0 0,0 0,6 4,6; 0,3 3,3',
  F: '4|4,0 0,0 0,6; 0,3 3,3',
  G: '4|4,1 3,0 1,0 0,1 0,5 1,6 3,6 4,5 4,3.4 2.2,3.4',
  H: '4|0,0 0,6; 4,0 4,6; 0,3 4,3',
  I: '2|0,0 2,0; 1,0 1,6; 0,6 2,6',
  J: '4|4,0 4,5 3,6 1,6 0,5',
  K: '4|0,0 0,6; 4,0 0,3.8; 1.5,2.6 4,6',
  L: '4|0,0 0,6 4,6',
  M: '5|0,6 0,0 2.5,3.4 5,0 5,6',
  N: '4|0,6 0,0 4,6 4,0',
  O: '4|1.3,0 2.7,0 4,1.3 4,4.7 2.7,6 1.3,6 0,4.7 0,1.3 1.3,0',
  P: '4|0,6 0,0 3,0 4,1 4,2.2 3,3.2 0,3.2',
  Q: '4|1.3,0 2.7,0 4,1.3 4,4.7 2.7,6 1.3,6 0,4.7 0,1.3 1.3,0; 2.4,4.4 4,6.2',
  R: '4|0,6 0,0 3,0 4,1 4,2.2 3,3.2 0,3.2; 2,3.2 4,6',
  S: '4|4,1 3,0 1,0 0,1 0,2 1,3 3,3 4,4 4,5 3,6 1,6 0,5',
  T: '4|0,0 4,0; 2,0 2,6',
  U: '4|0,0 0,5 1,6 3,6 4,5 4,0',
  V: '4|0,0 2,6 4,0',
  W: '5|0,0 1.2,6 2.5,2.4 3.8,6 5,0',
  X: '4|0,0 4,6; 4,0 0,6',
  Y: '4|0,0 2,3 4,0; 2,3 2,6',
  Z: '4|0,0 4,0 0,6 4,6',
  '.': '0.6|0.3,5.6 0.3,6',
  ',': '1|0.7,5.4 0.7,6 0.1,7.2',
  ':': '0.6|0.3,1.6 0.3,2; 0.3,5.6 0.3,6',
  '-': '3|0,3.2 3,3.2',
  '%': '5|0,6 5,0; 0.2,0.2 1.4,0.2 1.4,1.6 0.2,1.6 0.2,0.2; 3.6,4.4 4.8,4.4 4.8,5.8 3.6,5.8 3.6,4.4',
  '/': '3|0,6.4 3,-0.4',
  '+': '4|0,3 4,3; 2,1 2,5',
  ' ': '2|',
};

function parseGlyph(character: string, source: string): Glyph {
  const [widthText, strokesText] = source.split('|');
  const strokes = strokesText
    .split(';')
    .map((stroke) => stroke.trim())
    .filter((stroke) => stroke.length > 0)
    .map((stroke) =>
      stroke.split(/\s+/).map((point): [number, number] => {
        const [x, y] = point.split(',').map(Number);
        if (!Number.isFinite(x) || !Number.isFinite(y)) {
          throw new Error(`stroke font: bad point "${point}" in glyph "${character}"`);
        }
        return [x, y];
      }),
    );
  return { width: Number(widthText), strokes };
}

const GLYPHS: ReadonlyMap<string, Glyph> = new Map(
  Object.entries(GLYPH_SOURCE).map(([character, source]) => [character, parseGlyph(character, source)]),
);

/** Every character the stroke font can draw. */
export const STROKE_FONT_CHARACTERS: string = [...GLYPHS.keys()].join('');

function glyphOf(character: string, text: string): Glyph {
  const glyph = GLYPHS.get(character);
  if (!glyph) {
    throw new TypeError(
      `stroke font: no glyph for "${character}" in "${text}"; drawable characters: ${JSON.stringify(STROKE_FONT_CHARACTERS)}`,
    );
  }
  return glyph;
}

/** Width in pixels of a text drawn with a cap height of `size` pixels. */
export function textWidth(text: string, size: number): number {
  let units = 0;
  for (const character of text) units += glyphOf(character, text).width + SPACING_UNITS;
  return text.length === 0 ? 0 : ((units - SPACING_UNITS) * size) / CAP_UNITS;
}

/** Stroke width in pixels for a cap height of `size` pixels. */
export function strokeWidthFor(size: number): number {
  return Math.max(1.1, size / 7.5);
}

export interface TextStyle {
  /** Cap height in pixels. */
  readonly size: number;
  readonly color: string;
  /** Which point of the text (x, y) is: its left, centre or right; y is the vertical middle of the capitals. */
  readonly anchor?: 'start' | 'middle' | 'end';
}

/** The text as one SVG path, with (x, y) at its anchor and the vertical middle of its capitals. */
export function strokeText(text: string, x: number, y: number, style: TextStyle): string {
  const { size, color, anchor = 'start' } = style;
  const scale = size / CAP_UNITS;
  const width = textWidth(text, size);
  let left = anchor === 'start' ? x : anchor === 'middle' ? x - width / 2 : x - width;
  const top = y - size / 2;
  const parts: string[] = [];
  for (const character of text) {
    const glyph = glyphOf(character, text);
    for (const stroke of glyph.strokes) {
      stroke.forEach(([gx, gy], k) => parts.push(`${k === 0 ? 'M' : 'L'}${num(left + gx * scale)} ${num(top + gy * scale)}`));
    }
    left += (glyph.width + SPACING_UNITS) * scale;
  }
  if (parts.length === 0) return '';
  return (
    `<path d="${parts.join('')}" fill="none" stroke="${color}" stroke-width="${num(strokeWidthFor(size))}" ` +
    'stroke-linecap="round" stroke-linejoin="round"/>'
  );
}
