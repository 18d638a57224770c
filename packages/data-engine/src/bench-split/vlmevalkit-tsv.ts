import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SampleRow } from '@mixed-r1/records';

// VLMEvalKit's benchmark TSV (the format MMBench, MMStar, AI2D, ... ship in): one row per
// question, tab-separated, a header line first.
//   index     0, 1, 2, ... (whole numbers)
//   image     the image file (PNG here), base64
//   question  the question text
//   A, B, C, D (E, ... when a question has more options): option texts of a multiple-choice
//             question, empty for the other task types
//   answer    the ground truth: "yes"/"no", an option letter, the chart value, "[x1, y1, x2, y2]", or the reference text
//   category  the task type (VLMEvalKit groups its accuracy by this column)
// plus, for this project's evaluation:
//   task      the task type (yes_no, multiple_choice, chart, grounding, open_ended)
//   box       the grounding box "[x1, y1, x2, y2]" in original-image pixels, empty for other tasks
// A field holding a tab, a newline or a double quote is written in double quotes, with inner
// quotes doubled (the quoting pandas.read_csv(sep="\t") reads by default).

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const MIN_OPTION_COLUMNS = 4;

/** The header of a benchmark TSV whose questions have at most `optionColumns` options. */
export function benchTsvColumns(optionColumns: number): string[] {
  return ['index', 'image', 'question', ...LETTERS.slice(0, optionColumns).split(''), 'answer', 'category', 'task', 'box'];
}

/** The TSV text of benchmark samples (each with its image bytes), indexed from 0 in the given order. */
export function benchTsvText(rows: readonly SampleRow[]): string {
  const optionColumns = Math.max(MIN_OPTION_COLUMNS, ...rows.map((row) => row.options?.length ?? 0));
  const lines = [benchTsvColumns(optionColumns).join('\t')];
  rows.forEach((row, index) => {
    if (row.imageBytes === null) throw new TypeError(`benchmark sample "${row.id}": expected embedded image bytes, found none`);
    const options = Array.from({ length: optionColumns }, (_, i) => (row.task === 'multiple_choice' ? (row.options?.[i] ?? '') : ''));
    const box = row.answerBox ? `[${row.answerBox.join(', ')}]` : '';
    const fields = [String(index), Buffer.from(row.imageBytes).toString('base64'), row.question, ...options, row.answer, row.task, row.task, box];
    lines.push(fields.map(tsvField).join('\t'));
  });
  return `${lines.join('\n')}\n`;
}

/** Writes the TSV atomically (a temporary file renamed over `path`); returns its size in bytes. */
export function writeBenchTsv(path: string, rows: readonly SampleRow[]): number {
  const text = benchTsvText(rows);
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
  return Buffer.byteLength(text);
}

/** A field as pandas' to_csv(sep='\t') writes it: quoted, with doubled quotes, when it holds a tab, newline or quote. */
export function tsvField(field: string): string {
  return /[\t\n\r"]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** The rows of a benchmark TSV as objects keyed by column (reads what `benchTsvText` writes). */
export function parseBenchTsv(text: string): Record<string, string>[] {
  const records = splitRecords(text);
  const [header, ...body] = records;
  if (!header) return [];
  return body.map((fields, line) => {
    if (fields.length !== header.length) throw new TypeError(`benchmark TSV row ${line + 1}: expected ${header.length} fields, found ${fields.length}`);
    return Object.fromEntries(header.map((name, i) => [name, fields[i]]));
  });
}

function splitRecords(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === '\t') {
      fields.push(field);
      field = '';
    } else if (char === '\n') {
      fields.push(field);
      records.push(fields);
      fields = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || fields.length > 0) records.push([...fields, field]);
  return records;
}
