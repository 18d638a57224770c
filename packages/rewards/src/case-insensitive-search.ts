// Case-insensitive search for ASCII tags such as "<answer>", without regular expressions
// (so no backtracking) and without lower-casing the text (which can change its length).

const UPPER_A = 65;
const UPPER_Z = 90;
const TO_LOWER = 32;

function foldAscii(code: number): number {
  return code >= UPPER_A && code <= UPPER_Z ? code + TO_LOWER : code;
}

function matchesAt(text: string, lowerTag: string, at: number): boolean {
  for (let k = 0; k < lowerTag.length; k++) {
    if (foldAscii(text.charCodeAt(at + k)) !== lowerTag.charCodeAt(k)) return false;
  }
  return true;
}

function isAsciiLetter(code: number): boolean {
  const lower = code | TO_LOWER;
  return lower >= 97 && lower <= 122;
}

/** First index >= from where `lowerTag` (lower-case ASCII) occurs, ignoring ASCII case; -1 if none. */
export function indexOfIgnoringCase(text: string, lowerTag: string, from = 0): number {
  const first = lowerTag.charCodeAt(0);
  if (!isAsciiLetter(first)) {
    // Tags start with "<": jump between its occurrences with the native search.
    for (let at = text.indexOf(lowerTag[0], from); at >= 0; at = text.indexOf(lowerTag[0], at + 1)) {
      if (at > text.length - lowerTag.length) return -1;
      if (matchesAt(text, lowerTag, at)) return at;
    }
    return -1;
  }
  for (let at = Math.max(0, from); at <= text.length - lowerTag.length; at++) {
    if (foldAscii(text.charCodeAt(at)) === first && matchesAt(text, lowerTag, at)) return at;
  }
  return -1;
}

/** Last index <= before where `lowerTag` starts, ignoring ASCII case; -1 if none. */
export function lastIndexOfIgnoringCase(text: string, lowerTag: string, before = text.length): number {
  const first = lowerTag.charCodeAt(0);
  const start = Math.min(before, text.length - lowerTag.length);
  if (start < 0) return -1;
  if (!isAsciiLetter(first)) {
    for (let at = text.lastIndexOf(lowerTag[0], start); at >= 0; at = at === 0 ? -1 : text.lastIndexOf(lowerTag[0], at - 1)) {
      if (matchesAt(text, lowerTag, at)) return at;
    }
    return -1;
  }
  for (let at = start; at >= 0; at--) {
    if (foldAscii(text.charCodeAt(at)) === first && matchesAt(text, lowerTag, at)) return at;
  }
  return -1;
}

/** How many non-overlapping times `lowerTag` occurs, ignoring ASCII case. */
export function countIgnoringCase(text: string, lowerTag: string): number {
  let count = 0;
  for (let at = indexOfIgnoringCase(text, lowerTag); at >= 0; at = indexOfIgnoringCase(text, lowerTag, at + lowerTag.length)) {
    count++;
  }
  return count;
}
