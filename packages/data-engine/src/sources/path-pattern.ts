/**
 * A file-name pattern with Python `str.format` placeholders, as the datasets' own scripts build
 * image names: `{name}` is a field's value, `{name:012d}` an integer zero-padded to 12 digits
 * (Python's format mini-language: `0` fill, width, `d` integer). VQAv2 and COCO name images
 * `COCO_val2014_{image_id:012d}.jpg`, A-OKVQA `{split}2017/{image_id:012d}.jpg`.
 */
export interface PathPattern {
  readonly pattern: string;
  /** The field names the pattern uses. */
  readonly fields: readonly string[];
  /** The path for these values, or why there is none (a field missing or not an integer for `d`). */
  format(values: Readonly<Record<string, unknown>>): { readonly path: string } | { readonly error: string };
}

interface Placeholder {
  readonly field: string;
  /** Digits to zero-pad an integer to; null for a plain `{name}`. */
  readonly width: number | null;
}

const PLACEHOLDER = /\{([^{}]*)\}/g;
const SPEC = /^([A-Za-z_][A-Za-z0-9_]*)(?::(0?)(\d*)d)?$/;

/** Parses `pattern`; a malformed placeholder throws an `Error` that names `where` and the placeholder. */
export function pathPattern(pattern: string, where: string): PathPattern {
  const literals: string[] = [];
  const placeholders: Placeholder[] = [];
  let last = 0;
  for (const match of pattern.matchAll(PLACEHOLDER)) {
    const spec = SPEC.exec(match[1]);
    if (!spec || (spec[3] && spec[2] !== '0')) {
      throw new Error(`${where}: placeholder "${match[0]}" in pattern "${pattern}" must be {field} or {field:0Nd}`);
    }
    literals.push(pattern.slice(last, match.index));
    placeholders.push({ field: spec[1], width: spec[3] !== undefined ? Number(spec[3] || 0) : null });
    last = (match.index ?? 0) + match[0].length;
  }
  literals.push(pattern.slice(last));
  if (/[{}]/.test(literals.join(''))) throw new Error(`${where}: unbalanced brace in pattern "${pattern}"`);
  return {
    pattern,
    fields: placeholders.map((placeholder) => placeholder.field),
    format(values) {
      let path = literals[0];
      for (let k = 0; k < placeholders.length; k++) {
        const { field, width } = placeholders[k];
        const value = values[field];
        if (width !== null) {
          const integer = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
          if (typeof integer !== 'number' || !Number.isSafeInteger(integer) || integer < 0) {
            const found = JSON.stringify(value) ?? 'missing';
            return { error: `field "${field}" of image pattern "${pattern}" is ${found}, not an integer >= 0` };
          }
          path += String(integer).padStart(width, '0');
        } else {
          if (typeof value !== 'string' && typeof value !== 'number') {
            return { error: `field "${field}" of image pattern "${pattern}" is ${JSON.stringify(value) ?? 'missing'}` };
          }
          path += String(value);
        }
        path += literals[k + 1];
      }
      return { path };
    },
  };
}
