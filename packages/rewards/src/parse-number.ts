// Numbers as chart answers are written: "1,234.5", "-3", "45%", "$12", "1.2e3", "−7" (U+2212).
// "45%" reads as 0.45, as ChartQA's reference does (pix2struct `_to_float`). Every pattern is
// anchored or scanned linearly; "NaN" and "Infinity" are not numbers.

const CURRENCY = '[$€£¥]';
const MINUS = '[-−+]';
const DIGITS = '(?:\\d{1,3}(?:,\\d{3})+|\\d+)';
const MANTISSA = `(?:${DIGITS}(?:\\.\\d*)?|\\.\\d+)`;
const EXPONENT = '(?:[eE][-+]?\\d{1,4})';
const NUMBER_TEXT = `${MINUS}?${CURRENCY}?${MINUS}?${MANTISSA}${EXPONENT}?%?`;

const WHOLE_NUMBER = new RegExp(`^${NUMBER_TEXT}$`, 'u');
const NUMBER_IN_TEXT = new RegExp(`(?<![\\p{L}\\d.,])${NUMBER_TEXT}(?![\\p{L}\\d])`, 'gu');

const SIGN_OR_CURRENCY = '-−+$€£¥';

function toNumber(text: string): number | null {
  let start = 0;
  let negative = false;
  while (start < text.length && SIGN_OR_CURRENCY.includes(text[start])) {
    if (text[start] === '-' || text[start] === '−') negative = !negative;
    start++;
  }
  const percent = text.endsWith('%');
  const body = text.slice(start, percent ? -1 : undefined).replace(/,/g, '');
  const magnitude = Number(body);
  if (!Number.isFinite(magnitude)) return null;
  const value = (negative ? -magnitude : magnitude) / (percent ? 100 : 1);
  return Object.is(value, -0) ? 0 : value;
}

/** The value of a text that is exactly one number (spaces around allowed), else null. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  return WHOLE_NUMBER.test(trimmed) ? toNumber(trimmed) : null;
}

/** The value of the last number written in a text ("about 12 million" -> 12), else null. */
export function lastNumberIn(text: string): number | null {
  let last: string | null = null;
  NUMBER_IN_TEXT.lastIndex = 0;
  for (let match = NUMBER_IN_TEXT.exec(text); match !== null; match = NUMBER_IN_TEXT.exec(text)) {
    last = match[0];
  }
  return last === null ? null : toNumber(last);
}
