import type { Box } from '@mixed-r1/records';

// The first "[x1, y1, x2, y2]" in an answer: integers or decimals, optionally signed, also when
// it sits inside JSON such as {"bbox_2d": [10, 20, 30, 40]}. Linear: each "[" is tried once and
// the numbers cannot overlap.
const NUMBER = '(-?\\d+(?:\\.\\d+)?)';
const SEP = '\\s*,\\s*';
const BOX = new RegExp(`\\[\\s*${NUMBER}${SEP}${NUMBER}${SEP}${NUMBER}${SEP}${NUMBER}\\s*\\]`);

/** The first box written in the text, or null when there is none. Values may be non-finite. */
export function parseBox(text: string): Box | null {
  const match = BOX.exec(text);
  if (!match) return null;
  return [Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4])];
}
