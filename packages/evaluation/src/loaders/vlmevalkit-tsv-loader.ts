import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { isTaskType, TASK_TYPES, tsvRecordsOf, type Box, type TaskType, type TsvRecord } from '@mixed-r1/records';
import type { BenchRow, ImageRef, LoadedBench, LoadIssue } from '../bench/bench-row';
import { benchmarkNameOf } from '../bench/benchmark-name';
import { inferTask } from '../bench/task-inference';
import { taskOverrideFor } from '../bench/task-map';
import { BenchFileError, type BenchLoader, type LoadOptions } from './bench-loader';
import { boxProblem, parseBoxText, taskFieldsProblem } from './row-fields';

/**
 * VLMEvalKit (vlmeval/dataset/image_base.py, `ImageBaseDataset.__init__`): an image field of at
 * most 64 characters is not an image but the `index` of the row that holds it (shared images are
 * stored once).
 */
export const IMAGE_REFERENCE_MAX_LENGTH = 64;

const OPTION_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
const BASE64_TEXT = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;

interface Columns {
  readonly count: number;
  readonly at: (name: string) => number;
  readonly options: readonly number[];
}

function columnsOf(header: TsvRecord, file: string): Columns {
  if (header.error) throw new BenchFileError(file, `cannot read the header: ${header.error}`);
  const names = header.fields.map((name) => name.trim());
  const at = (name: string) => names.indexOf(name);
  const missing = ['index', 'question', 'answer'].filter((name) => at(name) < 0);
  if (at('image') < 0 && at('image_path') < 0) missing.push('image or image_path');
  if (missing.length > 0) {
    const hint = missing.includes('answer') && missing.length === 1 ? ' (a test split without ground truth cannot be scored)' : '';
    throw new BenchFileError(file, `not a VLMEvalKit benchmark TSV: no ${missing.join(', ')} column${hint}; found columns: ${names.join(', ')}`);
  }
  const options: number[] = [];
  for (const letter of OPTION_LETTERS) {
    if (at(letter) < 0) break;
    options.push(at(letter));
  }
  return { count: names.length, at, options };
}

/** The strings of a Python list literal such as "['a', 'b']" (VLMEvalKit's `toliststr`), or null. */
function pythonStringList(text: string): string[] | null {
  if (!(text.startsWith('[') && text.endsWith(']'))) return null;
  return [...text.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)].map((match) => match[1] ?? match[2]);
}

type Checked<T> = { value: T } | { reason: string };

function optionTexts(field: (column: number) => string, columns: Columns): Checked<string[] | null> {
  const values = columns.options.map(field);
  const last = values.map((value) => value !== '').lastIndexOf(true);
  if (last < 0) return { value: null };
  const gap = values.slice(0, last).findIndex((value) => value === '');
  if (gap >= 0) return { reason: `option ${OPTION_LETTERS[gap]} is empty but option ${OPTION_LETTERS[last]} is given` };
  return { value: values.slice(0, last + 1) };
}

/** A row read up to its image: everything but the image, which may be another row's. */
interface PendingRow {
  readonly row: Omit<BenchRow, 'image'>;
  readonly rowNumber: number;
  /** The image field: base64 text, or the index of the row holding the image. */
  readonly image: { kind: 'inline'; ref: ImageRef } | { kind: 'reference'; index: string };
}

class TsvReader {
  readonly issues: LoadIssue[] = [];
  readonly pending: PendingRow[] = [];
  private readonly seen = new Set<string>();
  private readonly imageRoot: string;

  constructor(
    private readonly file: string,
    private readonly name: string,
    private readonly columns: Columns,
    private readonly options: LoadOptions,
  ) {
    this.imageRoot = options.imageRoot ?? path.dirname(file);
  }

  issue(rowNumber: number, line: number, index: string | null, reason: string): void {
    this.issues.push({ benchmark: this.name, file: this.file, row: rowNumber, line, index, reason });
  }

  read(record: TsvRecord, rowNumber: number): void {
    if (record.error) return this.issue(rowNumber, record.line, null, record.error);
    if (record.fields.length !== this.columns.count) {
      return this.issue(rowNumber, record.line, null, `expected ${this.columns.count} tab-separated fields (as the header), found ${record.fields.length}`);
    }
    const field = (column: number) => (column >= 0 ? record.fields[column].trim() : '');
    const named = (name: string) => field(this.columns.at(name));
    const index = named('index');
    const fail = (reason: string) => this.issue(rowNumber, record.line, index === '' ? null : index, reason);
    if (index === '') return fail('empty "index"');
    if (this.seen.has(index)) return fail(`index ${JSON.stringify(index)} is used by an earlier row; indices must be unique`);
    this.seen.add(index);
    const question = named('question');
    const answer = named('answer');
    if (question === '') return fail('empty "question"');
    if (answer === '') return fail('empty "answer": no ground truth to score against');
    const options = optionTexts(field, this.columns);
    if ('reason' in options) return fail(options.reason);
    const box = this.boxOf(named('box'));
    if (box && 'reason' in box) return fail(box.reason);
    const task = this.taskOf(named('task'), { answer, options: options.value, box: box?.value ?? null, category: named('category') });
    if ('reason' in task) return fail(task.reason);
    const groundBox = task.value === 'grounding' ? (box?.value ?? parseBoxText(answer)) : null;
    const problem = taskFieldsProblem(task.value, answer, options.value, groundBox);
    if (problem) return fail(problem);
    const image = this.imageOf(named('image'), named('image_path'));
    if ('reason' in image) return fail(image.reason);
    const hint = named('hint');
    this.pending.push({
      row: {
        benchmark: this.name,
        index,
        task: task.value,
        category: named('category') || task.value,
        question,
        hint: hint === '' ? null : hint,
        options: task.value === 'multiple_choice' ? options.value : null,
        answer,
        box: groundBox,
        origin: { file: this.file, line: record.line },
      },
      rowNumber,
      image: image.value,
    });
  }

  private boxOf(text: string): Checked<Box> | null {
    if (text === '') return null;
    const box = parseBoxText(text);
    if (!box) return { reason: `"box" must be [x1, y1, x2, y2], found ${JSON.stringify(text)}` };
    const problem = boxProblem(box);
    return problem ? { reason: problem } : { value: box };
  }

  private taskOf(column: string, evidence: { answer: string; options: string[] | null; box: Box | null; category: string }): Checked<TaskType> {
    const forced = taskOverrideFor(this.options.taskMap, this.name);
    if (forced) return { value: forced };
    if (column !== '') {
      return isTaskType(column) ? { value: column } : { reason: `"task" must be one of ${TASK_TYPES.join(', ')}, found ${JSON.stringify(column)}` };
    }
    const hasBox = evidence.box !== null || parseBoxText(evidence.answer) !== null;
    return { value: inferTask({ benchmark: this.name, category: evidence.category || null, options: evidence.options, answer: evidence.answer, hasBox }) };
  }

  private imageOf(image: string, imagePath: string): Checked<PendingRow['image']> {
    if (image !== '') {
      const list = pythonStringList(image);
      const single = list ? (list.length === 1 ? list[0] : null) : image;
      if (single === null) return { reason: `"image" holds ${list?.length ?? 0} images; a question here has exactly one` };
      if (single.length <= IMAGE_REFERENCE_MAX_LENGTH) return { value: { kind: 'reference', index: single } };
      if (!BASE64_TEXT.test(single)) return { reason: `"image" is neither base64 nor the index of another row (starts ${JSON.stringify(single.slice(0, 16))})` };
      return { value: { kind: 'inline', ref: { kind: 'base64', base64: single } } };
    }
    if (imagePath !== '') {
      const list = pythonStringList(imagePath);
      const single = list ? (list.length === 1 ? list[0] : null) : imagePath;
      if (single === null) return { reason: `"image_path" holds ${list?.length ?? 0} paths; a question here has exactly one image` };
      const resolved = path.resolve(this.imageRoot, single);
      if (!existsSync(resolved) || !statSync(resolved).isFile()) return { reason: `image_path ${JSON.stringify(single)}: no such file ${resolved} (image root ${this.imageRoot})` };
      return { value: { kind: 'inline', ref: { kind: 'path', path: resolved } } };
    }
    return { reason: 'no image: "image" and "image_path" are both empty' };
  }

  /** The rows with every image reference resolved (VLMEvalKit: the referenced row must hold the image itself). */
  rows(): BenchRow[] {
    const holders = new Map<string, ImageRef>();
    for (const pending of this.pending) if (pending.image.kind === 'inline') holders.set(pending.row.index, pending.image.ref);
    const rows: BenchRow[] = [];
    for (const pending of this.pending) {
      if (pending.image.kind === 'inline') {
        rows.push({ ...pending.row, image: pending.image.ref });
        continue;
      }
      const holder = holders.get(pending.image.index);
      if (holder) rows.push({ ...pending.row, image: holder });
      else {
        const reason = `"image" ${JSON.stringify(pending.image.index)} is not base64 and no row with that index holds an image (VLMEvalKit's shared-image convention)`;
        this.issue(pending.rowNumber, pending.row.origin.line, pending.row.index, reason);
      }
    }
    this.issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    return rows;
  }
}

async function loadTsv(file: string, options: LoadOptions = {}): Promise<LoadedBench> {
  if (!existsSync(file) || !statSync(file).isFile()) throw new BenchFileError(file, 'no such file; give a VLMEvalKit benchmark TSV');
  const name = options.name ?? benchmarkNameOf(file);
  let reader: TsvReader | null = null;
  let rowNumber = 0;
  for await (const record of tsvRecordsOf(createReadStream(file, { highWaterMark: 1 << 20 }))) {
    if (!reader) {
      reader = new TsvReader(file, name, columnsOf(record, file), options);
      continue;
    }
    reader.read(record, ++rowNumber);
  }
  if (!reader) throw new BenchFileError(file, 'the file is empty: expected a header line (index, image, question, A, B, ..., answer, category)');
  const rows = reader.rows();
  return { name, file, format: vlmEvalKitTsvLoader.name, rows, issues: reader.issues };
}

/**
 * VLMEvalKit's benchmark TSV (MMBench, MMStar, AI2D, HallusionBench, MathVista_MINI, ChartQA_TEST,
 * ...): `index`, `image` (base64, or the index of the row holding the image) or `image_path`,
 * `question`, options `A`..`Z`, `answer`, `category`, optional `hint`; plus this project's `task`
 * and `box` columns. Written by pandas `to_csv(sep='\t')` (VLMEvalKit's `dump` uses QUOTE_ALL).
 */
export const vlmEvalKitTsvLoader: BenchLoader = {
  name: 'vlmevalkit-tsv',
  description: 'VLMEvalKit benchmark TSV: index, image (base64) or image_path, question, A..Z, answer, category, hint (+ task, box)',
  extensions: ['.tsv'],
  load: loadTsv,
};
