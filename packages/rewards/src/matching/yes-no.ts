export type YesNo = 'yes' | 'no';

// Whole words only: letters and digits of any script; "not", "know", "eyes", "none" are words
// of their own and never read as "no"/"yes". A linear scan, no backtracking.
const WORD = /[\p{L}\p{N}]+/gu;

/** The first whole word of `text` that is "yes" or "no" (any case), or null. */
export function firstYesNo(text: string): YesNo | null {
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    const word = match[0];
    if (word.length > 3) continue;
    const lower = word.toLowerCase();
    if (lower === 'yes' || lower === 'no') return lower;
  }
  return null;
}
