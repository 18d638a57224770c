import { extname } from 'node:path';
import { fileLines, firstSignificantCharacter } from './annotation-file';
import { jsonElements } from './json-stream';
import { entryRef, lineRef } from './source-items';

/** One entry of an annotation file: where it is, its position, its key (object-of-entries files), and its value. */
export type AnnotationRecord =
  | { readonly ref: string; readonly index: number; readonly key: string | null; readonly value: unknown }
  | { readonly ref: string; readonly index: number; readonly key: string | null; readonly error: string };

/** How a file whose first character is `{` is read: as JSONL, or as one object of entries keyed by id. */
export type ObjectRoot = 'jsonl' | 'entries';

const JSONL_EXTENSIONS = new Set(['.jsonl', '.ndjson']);

/** The lines of a JSONL file as records (blank lines skipped), numbered by line. */
export async function* jsonlRecords(path: string): AsyncGenerator<AnnotationRecord> {
  let index = 0;
  for await (const { line, text } of fileLines(path)) {
    if (text.trim() === '') continue;
    const ref = lineRef(path, line);
    try {
      yield { ref, index, key: null, value: JSON.parse(text) as unknown };
    } catch (error) {
      yield { ref, index, key: null, error: `not valid JSON (${(error as Error).message})` };
    }
    index += 1;
  }
}

/**
 * The entries of an annotation file, streamed: a `.jsonl` / `.ndjson` file line by line; otherwise
 * by its first character: `[` a JSON array of entries, `{` per `objectRoot` (JSONL, the common case
 * of JSON lines saved as `.json`, or an object of entries keyed by id such as ScienceQA's).
 */
export async function* annotationRecords(path: string, objectRoot: ObjectRoot): AsyncGenerator<AnnotationRecord> {
  if (/\.(p|pkl|pickle)$/i.test(path)) {
    throw new Error(`cannot read annotation file ${path}: a Python pickle; convert it to JSON first (see the sources README)`);
  }
  const first = JSONL_EXTENSIONS.has(extname(path).toLowerCase()) ? null : await firstSignificantCharacter(path);
  if (first === '[' || (first === '{' && objectRoot === 'entries')) {
    const selection = first === '[' ? ({ kind: 'array' } as const) : ({ kind: 'entries' } as const);
    for await (const element of jsonElements(path, selection)) {
      yield { ...element, ref: entryRef(path, element.key ?? element.index) };
    }
    return;
  }
  yield* jsonlRecords(path);
}
