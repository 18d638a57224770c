// Python's `float(text)` for a str (CPython 3.11, Objects/floatobject.c `PyFloat_FromString`):
// every non-ASCII Unicode white space becomes " " and every Unicode decimal digit (category Nd)
// its ASCII digit (`_PyUnicode_TransformDecimalAndSpaceToASCII`; any other non-ASCII character
// makes the text invalid); ASCII white space (" \t\n\v\f\r") is stripped at both ends; what is
// left must be a float literal, where "_" may only join two digits
// (`_Py_string_to_number_with_underscores`), or "inf", "infinity", "nan" in any case with a sign.
// Python's ValueError is null here.

/** Non-ASCII characters for which CPython's `Py_UNICODE_ISSPACE` holds. */
const UNICODE_SPACE = /[\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;
const DECIMAL_DIGIT = /\p{Nd}/u;
const ASCII_SPACE = /^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g;

const DIGITPART = '\\d(?:_?\\d)*';
const FLOAT_LITERAL = new RegExp(`^[+-]?(?:(?:${DIGITPART})?\\.${DIGITPART}|${DIGITPART}\\.?)(?:[eE][+-]?${DIGITPART})?$`);
const SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;

/**
 * The value of a Unicode decimal digit. Unicode keeps every Nd character in runs of ten, 0 to 9 in
 * order (Unicode Standard, section 4.6, "Decimal digits"), so the digit is the distance from the
 * start of its contiguous Nd run, modulo 10.
 */
function decimalValue(codePoint: number): number {
  let start = codePoint;
  while (start > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return (codePoint - start) % 10;
}

/** CPython's transform of a str to ASCII before parsing; null when a character makes it invalid. */
function toAscii(text: string): string | null {
  let ascii = '';
  for (const char of text) {
    const codePoint = char.codePointAt(0) as number;
    if (codePoint < 128) ascii += char;
    else if (UNICODE_SPACE.test(char)) ascii += ' ';
    else if (DECIMAL_DIGIT.test(char)) ascii += String(decimalValue(codePoint));
    else return null;
  }
  return ascii;
}

/** Python's `float(text)`, or null where Python raises ValueError. */
export function pythonFloat(text: string): number | null {
  const ascii = toAscii(text);
  if (ascii === null) return null;
  const stripped = ascii.replace(ASCII_SPACE, '');
  const special = SPECIAL.exec(stripped);
  if (special) {
    if (special[2].toLowerCase() === 'nan') return NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  if (!FLOAT_LITERAL.test(stripped)) return null;
  return Number(stripped.replace(/_/g, ''));
}
