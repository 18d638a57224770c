import { isTaskType, TASK_TYPES, UNIFIED_JSONL_SAMPLE_FIELDS, type Box } from '@mixed-r1/records';
import type { SourceItem } from '../candidate';
import type { SourceAdapter, SourceConfig } from '../source-adapter';
import { jsonlRecords } from './annotation-records';
import { imageFromBase64 } from './base64-image';
import { MAX_OPTIONS } from './normalise';
import { readOptions } from './options';
import {
  imageInsideRoot,
  imageRootOf,
  isRecord,
  rejectionItem,
  sampleId,
  sampleItem,
  withUniqueIds,
  type SampleFields,
} from './source-items';

const ADAPTER = 'unified-jsonl';

/** The fields a line may have: the `sample` schema's (camelCase), with the image as a path or as base64. */
export const UNIFIED_FIELDS = UNIFIED_JSONL_SAMPLE_FIELDS;

type Line = Record<string, unknown>;
type Checked<T> = { value: T } | { reason: string };

const found = (value: unknown) => JSON.stringify(value) ?? 'undefined';
const absent = (value: unknown) => value === undefined || value === null;

function requiredText(line: Line, field: string): Checked<string> {
  const value = line[field];
  return typeof value === 'string' && value.trim() !== ''
    ? { value }
    : { reason: `"${field}" must be a non-empty string, found ${found(value)}` };
}

function optionalText(line: Line, field: string): Checked<string | null> {
  const value = line[field];
  if (absent(value)) return { value: null };
  return typeof value === 'string' ? { value } : { reason: `"${field}" must be a string or null, found ${found(value)}` };
}

function optionsOf(line: Line): Checked<string[] | null> {
  const value = line.options;
  if (absent(value)) return { value: null };
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    return { reason: `"options" must be an array of strings or null, found ${found(value)}` };
  }
  if (value.length > MAX_OPTIONS) return { reason: `"options" has ${value.length} items; at most ${MAX_OPTIONS} (A-Z)` };
  return { value: value as string[] };
}

function boxOf(line: Line): Checked<Box | null> {
  const value = line.answerBox;
  if (absent(value)) return { value: null };
  const isBox =
    Array.isArray(value) && value.length === 4 && value.every((item) => typeof item === 'number' && Number.isFinite(item));
  if (isBox) return { value: value as unknown as Box };
  return { reason: `"answerBox" must be 4 finite numbers [x1, y1, x2, y2] or null, found ${found(value)}` };
}

function sizeOf(line: Line, field: 'imageWidth' | 'imageHeight'): Checked<number | undefined> {
  const value = line[field];
  if (absent(value)) return { value: undefined };
  return typeof value === 'number' && Number.isInteger(value) && value > 0
    ? { value }
    : { reason: `"${field}" must be a positive integer, found ${found(value)}` };
}

/** Metadata JSON text: JSON text as given, or an object written as JSON; the line's own `source` is kept in it. */
function metadataOf(line: Line, sourceName: string): Checked<string | null> {
  const value = line.metadata;
  let parsed: unknown = value ?? null;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return { reason: `"metadata" must be JSON text or an object, found text that is not JSON: ${found(value)}` };
    }
  } else if (!absent(value) && !isRecord(value)) {
    return { reason: `"metadata" must be JSON text, an object or null, found ${found(value)}` };
  }
  const original = line.source;
  if (absent(original) || original === sourceName) return { value: absent(parsed) ? null : JSON.stringify(parsed) };
  if (typeof original !== 'string') return { reason: `"source" must be a string, found ${found(original)}` };
  const merged = isRecord(parsed) ? { ...parsed, originalSource: original } : { originalSource: original, metadata: parsed };
  return { value: JSON.stringify(merged) };
}

/** The sample fields of a line (all but the image), or the first reason it is not a valid line. */
function lineFields(line: Line, sourceName: string): Checked<SampleFields> {
  const unknown = Object.keys(line).filter((key) => !(UNIFIED_FIELDS as readonly string[]).includes(key));
  if (unknown.length > 0) {
    return { reason: `unknown field(s) ${unknown.map((key) => `"${key}"`).join(', ')}; valid fields: ${UNIFIED_FIELDS.join(', ')}` };
  }
  if (!isTaskType(line.task)) return { reason: `"task" must be one of ${TASK_TYPES.join(', ')}, found ${found(line.task)}` };
  const question = requiredText(line, 'question');
  const answer = requiredText(line, 'answer');
  const options = optionsOf(line);
  const answerBox = boxOf(line);
  const solution = optionalText(line, 'solution');
  const imageWidth = sizeOf(line, 'imageWidth');
  const imageHeight = sizeOf(line, 'imageHeight');
  const metadata = metadataOf(line, sourceName);
  const checks = [question, answer, options, answerBox, solution, imageWidth, imageHeight, metadata];
  const failed = checks.find((check): check is { reason: string } => 'reason' in check);
  if (failed) return failed;
  const value = <T>(check: Checked<T>) => (check as { value: T }).value;
  return {
    value: {
      task: line.task,
      question: value(question),
      answer: value(answer),
      options: value(options),
      answerBox: value(answerBox),
      solution: value(solution),
      imageWidth: value(imageWidth),
      imageHeight: value(imageHeight),
      metadata: value(metadata),
    },
  };
}

function nativeIdOf(line: Line, index: number): Checked<string> {
  const id = line.id;
  if (absent(id)) return { value: String(index) };
  const valid = (typeof id === 'string' && id.trim() !== '') || (typeof id === 'number' && Number.isFinite(id));
  if (valid) return { value: String(id).trim() };
  return { reason: `"id" must be a non-empty string or a number, found ${found(id)}` };
}

async function* readUnified(source: SourceConfig): AsyncGenerator<SourceItem> {
  readOptions(source, ADAPTER, {});
  const root = imageRootOf(source);
  for await (const record of jsonlRecords(source.path)) {
    if ('error' in record) {
      yield rejectionItem(source, record.ref, null, 'read', record.error);
      continue;
    }
    const line = record.value;
    if (!isRecord(line)) {
      yield rejectionItem(source, record.ref, null, 'normalise', `line is not a JSON object: ${found(line)}`);
      continue;
    }
    const nativeId = nativeIdOf(line, record.index);
    if ('reason' in nativeId) {
      yield rejectionItem(source, record.ref, null, 'normalise', nativeId.reason);
      continue;
    }
    const id = sampleId(source, nativeId.value);
    const fields = lineFields(line, source.name);
    if ('reason' in fields) {
      yield rejectionItem(source, record.ref, id, 'normalise', fields.reason);
      continue;
    }
    const { imagePath, imageBase64 } = line;
    if (absent(imagePath) === absent(imageBase64)) {
      yield rejectionItem(source, record.ref, id, 'normalise', 'give exactly one of "imagePath" and "imageBase64"');
      continue;
    }
    if (typeof imagePath === 'string') {
      const image = await imageInsideRoot(root, imagePath);
      if ('reason' in image) yield rejectionItem(source, record.ref, id, 'read', image.reason);
      else yield sampleItem(source, record.ref, id, { ...fields.value, imagePath: image.path });
    } else if (typeof imageBase64 === 'string') {
      const image = imageFromBase64(imageBase64);
      if ('reason' in image) yield rejectionItem(source, record.ref, id, 'read', image.reason);
      else yield sampleItem(source, record.ref, id, { ...fields.value, imageBytes: image.bytes });
    } else {
      const which = absent(imagePath) ? 'imageBase64' : 'imagePath';
      yield rejectionItem(source, record.ref, id, 'normalise', `"${which}" must be a string, found ${found(line[which])}`);
    }
  }
}

/**
 * This project's own JSONL: one sample per line with the `sample` schema's field names in camelCase
 * (`id, task, question, options, answer, answerBox, solution, metadata`, optional `imageWidth` and
 * `imageHeight`), the image by `imagePath` (relative to the image root) or `imageBase64`. Each field
 * is checked for its type; an unknown field (such as a snake_case `answer_box`) rejects the line.
 */
export const unifiedJsonlAdapter: SourceAdapter = {
  name: ADAPTER,
  description: "This project's JSONL: one sample per line with the sample schema's fields, image by path or base64",
  read: (source) => withUniqueIds(source, readUnified(source)),
};
