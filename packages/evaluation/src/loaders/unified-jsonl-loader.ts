import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { isTaskType, TASK_TYPES, UNIFIED_JSONL_SAMPLE_FIELDS, type Box, type TaskType } from '@mixed-r1/records';
import type { BenchRow, ImageRef, LoadedBench, LoadIssue } from '../bench/bench-row';
import { benchmarkNameOf } from '../bench/benchmark-name';
import { inferTask } from '../bench/task-inference';
import { taskOverrideFor } from '../bench/task-map';
import { BenchFileError, type BenchLoader, type LoadOptions } from './bench-loader';
import { boxProblem, parseBoxText, taskFieldsProblem } from './row-fields';

/**
 * The fields of a line: the data engine's unified JSONL (the `sample` schema's fields in camelCase,
 * the image by `imagePath` or `imageBase64`), plus `category` and `hint` for evaluation.
 */
export const UNIFIED_JSONL_FIELDS = [...UNIFIED_JSONL_SAMPLE_FIELDS, 'category', 'hint'] as const;

type Line = Record<string, unknown>;
type Checked<T> = { value: T } | { reason: string };

const found = (value: unknown) => JSON.stringify(value) ?? 'undefined';
const absent = (value: unknown) => value === undefined || value === null;

function text(line: Line, field: string, required: boolean): Checked<string | null> {
  const value = line[field];
  if (absent(value) || value === '') return required ? { reason: `"${field}" must be a non-empty string, found ${found(value)}` } : { value: null };
  return typeof value === 'string' ? { value: value.trim() } : { reason: `"${field}" must be a string, found ${found(value)}` };
}

function idOf(line: Line, lineNumber: number): Checked<string> {
  const id = line.id;
  if (absent(id)) return { value: String(lineNumber) };
  if ((typeof id === 'string' && id.trim() !== '') || (typeof id === 'number' && Number.isFinite(id))) return { value: String(id).trim() };
  return { reason: `"id" must be a non-empty string or a number, found ${found(id)}` };
}

function optionsOf(line: Line): Checked<string[] | null> {
  const value = line.options;
  if (absent(value)) return { value: null };
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && item.trim() !== '')) {
    return { reason: `"options" must be an array of non-empty strings or null, found ${found(value)}` };
  }
  if (value.length > 26) return { reason: `"options" has ${value.length} items; at most 26 (A-Z)` };
  return { value: value.length === 0 ? null : value.map((item: string) => item.trim()) };
}

function boxOf(line: Line): Checked<Box | null> {
  const value = line.answerBox;
  if (absent(value)) return { value: null };
  if (!(Array.isArray(value) && value.length === 4 && value.every((item) => typeof item === 'number' && Number.isFinite(item)))) {
    return { reason: `"answerBox" must be 4 finite numbers [x1, y1, x2, y2] or null, found ${found(value)}` };
  }
  const box = value as unknown as Box;
  const problem = boxProblem(box);
  return problem ? { reason: problem } : { value: box };
}

/** The category: the line's own, else `metadata.category` (JSON text or object), else null. */
function categoryOf(line: Line): string | null {
  if (typeof line.category === 'string' && line.category.trim() !== '') return line.category.trim();
  let metadata = line.metadata;
  if (typeof metadata === 'string') {
    try {
      metadata = JSON.parse(metadata);
    } catch {
      return null;
    }
  }
  const category = metadata && typeof metadata === 'object' ? (metadata as Record<string, unknown>).category : undefined;
  return typeof category === 'string' && category.trim() !== '' ? category.trim() : null;
}

function imageOf(line: Line, root: string): Checked<ImageRef> {
  const { imagePath, imageBase64 } = line;
  if (absent(imagePath) === absent(imageBase64)) return { reason: 'give exactly one of "imagePath" and "imageBase64"' };
  if (typeof imageBase64 === 'string') return { value: { kind: 'base64', base64: imageBase64 } };
  if (typeof imagePath !== 'string') return { reason: `"${absent(imagePath) ? 'imageBase64' : 'imagePath'}" must be a string` };
  const resolved = path.resolve(root, imagePath);
  if (!existsSync(resolved) || !statSync(resolved).isFile()) return { reason: `imagePath ${JSON.stringify(imagePath)}: no such file ${resolved}` };
  return { value: { kind: 'path', path: resolved } };
}

interface Context {
  readonly file: string;
  readonly name: string;
  readonly options: LoadOptions;
  readonly root: string;
}

function rowOf(line: Line, lineNumber: number, context: Context): Checked<BenchRow> {
  const unknown = Object.keys(line).filter((key) => !(UNIFIED_JSONL_FIELDS as readonly string[]).includes(key));
  if (unknown.length > 0) return { reason: `unknown field(s) ${unknown.map((key) => `"${key}"`).join(', ')}; valid fields: ${UNIFIED_JSONL_FIELDS.join(', ')}` };
  const id = idOf(line, lineNumber);
  const question = text(line, 'question', true);
  const answer = text(line, 'answer', true);
  const hint = text(line, 'hint', false);
  const options = optionsOf(line);
  const box = boxOf(line);
  const image = imageOf(line, context.root);
  const failed = [id, question, answer, hint, options, box, image].find((check): check is { reason: string } => 'reason' in check);
  if (failed) return failed;
  const value = <T>(check: Checked<T>) => (check as { value: T }).value;
  const category = categoryOf(line);
  let task: TaskType;
  const forced = taskOverrideFor(context.options.taskMap, context.name);
  if (forced) task = forced;
  else if (!absent(line.task)) {
    if (!isTaskType(line.task)) return { reason: `"task" must be one of ${TASK_TYPES.join(', ')}, found ${found(line.task)}` };
    task = line.task;
  } else {
    const hasBox = value(box) !== null || parseBoxText(value(answer) as string) !== null;
    task = inferTask({ benchmark: context.name, category, options: value(options), answer: value(answer) as string, hasBox });
  }
  const groundBox = task === 'grounding' ? (value(box) ?? parseBoxText(value(answer) as string)) : null;
  const problem = taskFieldsProblem(task, value(answer) as string, value(options), groundBox);
  if (problem) return { reason: problem };
  return {
    value: {
      benchmark: context.name,
      index: value(id),
      task,
      category: category ?? task,
      question: value(question) as string,
      hint: value(hint),
      options: task === 'multiple_choice' ? value(options) : null,
      answer: value(answer) as string,
      box: groundBox,
      image: value(image),
      origin: { file: context.file, line: lineNumber },
    },
  };
}

async function loadJsonl(file: string, options: LoadOptions = {}): Promise<LoadedBench> {
  if (!existsSync(file) || !statSync(file).isFile()) throw new BenchFileError(file, 'no such file; give a unified JSONL benchmark');
  const context: Context = { file, name: options.name ?? benchmarkNameOf(file), options, root: options.imageRoot ?? path.dirname(file) };
  const rows: BenchRow[] = [];
  const issues: LoadIssue[] = [];
  const seen = new Set<string>();
  let lineNumber = 0;
  let rowNumber = 0;
  for await (const raw of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    lineNumber++;
    if (raw.trim() === '') continue;
    rowNumber++;
    const issue = (index: string | null, reason: string) => issues.push({ benchmark: context.name, file, row: rowNumber, line: lineNumber, index, reason });
    let line: unknown;
    try {
      line = JSON.parse(raw);
    } catch (error) {
      issue(null, `not valid JSON (${(error as Error).message})`);
      continue;
    }
    if (!line || typeof line !== 'object' || Array.isArray(line)) {
      issue(null, `a line must be a JSON object, found ${found(line)}`);
      continue;
    }
    const row = rowOf(line as Line, rowNumber, context);
    const index = idOf(line as Line, rowNumber);
    const indexText = 'value' in index ? index.value : null;
    if ('reason' in row) issue(indexText, row.reason);
    else if (seen.has(row.value.index)) issue(indexText, `id ${JSON.stringify(row.value.index)} is used by an earlier line; ids must be unique`);
    else {
      seen.add(row.value.index);
      rows.push({ ...row.value, origin: { file, line: lineNumber } });
    }
  }
  return { name: context.name, file, format: unifiedJsonlLoader.name, rows, issues };
}

/**
 * This project's unified JSONL (the data engine's format): one question per line with `id`, `task`,
 * `question`, `options`, `answer`, `answerBox`, the image as `imagePath` (relative to the file's
 * folder) or `imageBase64`; `category` (or `metadata.category`) and `hint` are optional.
 */
export const unifiedJsonlLoader: BenchLoader = {
  name: 'unified-jsonl',
  description: "This project's JSONL: the sample schema's fields in camelCase, image by imagePath or imageBase64",
  extensions: ['.jsonl'],
  load: loadJsonl,
};
