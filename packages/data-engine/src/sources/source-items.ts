import { dirname, isAbsolute, resolve } from 'node:path';
import type { CandidateSample, Rejection, RejectionStage, SourceItem } from '../candidate';
import type { SourceConfig } from '../source-adapter';
import { ImagePathError, resolveInsideRoot } from './safe-path';

/** The parts of a candidate sample an adapter fills; the rest default to null. */
export type SampleFields = Pick<CandidateSample, 'task' | 'question' | 'answer'> &
  Partial<Omit<CandidateSample, 'id' | 'source' | 'task' | 'question' | 'answer'>>;

/** The id of a source's sample: `<source name>/<native id or index>`. */
export const sampleId = (source: SourceConfig, nativeId: string | number): string => `${source.name}/${nativeId}`;

/** A candidate sample item, with trimmed question and answer and every optional field filled. */
export function sampleItem(source: SourceConfig, inputRef: string, id: string, fields: SampleFields): SourceItem {
  const sample: CandidateSample = {
    id,
    source: source.name,
    task: fields.task,
    question: fields.question.trim(),
    options: fields.options ?? null,
    answer: fields.answer.trim(),
    answerBox: fields.answerBox ?? null,
    imageBytes: fields.imageBytes ?? null,
    imagePath: fields.imagePath ?? null,
    solution: fields.solution ?? null,
    metadata: fields.metadata ?? null,
    ...(fields.imageWidth !== undefined ? { imageWidth: fields.imageWidth } : {}),
    ...(fields.imageHeight !== undefined ? { imageHeight: fields.imageHeight } : {}),
  };
  return { sample, inputRef };
}

/** A rejection item of this source. */
export function rejectionItem(
  source: SourceConfig,
  inputRef: string,
  id: string | null,
  stage: Extract<RejectionStage, 'read' | 'normalise'>,
  reason: string,
): SourceItem {
  const rejection: Rejection = { source: source.name, inputRef, sampleId: id, stage, reason };
  return { rejection };
}

/** Where line `line` of a file is: "file:line". */
export const lineRef = (path: string, line: number): string => `${path}:${line}`;

/** Where entry `index` (or `key`) of a JSON file is: "file#index". */
export const entryRef = (path: string, indexOrKey: number | string): string => `${path}#${indexOrKey}`;

/** The folder a source's image paths are relative to: `imageRoot`, else the annotation file's folder. */
export const imageRootOf = (source: SourceConfig): string => resolve(source.imageRoot ?? dirname(source.path));

/** A path given in an adapter option (a second annotation file): as given when absolute, else next to `path`. */
export const besideAnnotations = (source: SourceConfig, path: string): string =>
  isAbsolute(path) ? path : resolve(dirname(source.path), path);

/** The real path of an image inside the root, or the reason it may not be read (escaping, missing). */
export async function imageInsideRoot(root: string, relativePath: string): Promise<{ path: string } | { reason: string }> {
  try {
    return { path: await resolveInsideRoot(root, relativePath) };
  } catch (error) {
    if (error instanceof ImagePathError) return { reason: error.reason };
    throw error;
  }
}

/** Metadata JSON text from the defined fields of `fields`; null when none is defined. */
export function metadataJson(fields: Readonly<Record<string, unknown>>): string | null {
  const defined = Object.entries(fields).filter(([, value]) => value !== undefined && value !== null);
  return defined.length > 0 ? JSON.stringify(Object.fromEntries(defined)) : null;
}

/** A plain object (not null, not an array). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A non-empty trimmed string from a string or a finite number; null otherwise. */
export function textOf(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * The items of a source, with duplicate sample ids turned into rejections: ids must be unique
 * within a source (a later duplicate names the input that first had the id).
 */
export async function* withUniqueIds(source: SourceConfig, items: AsyncIterable<SourceItem>): AsyncGenerator<SourceItem> {
  const firstRef = new Map<string, string>();
  for await (const item of items) {
    if ('sample' in item) {
      const earlier = firstRef.get(item.sample.id);
      if (earlier !== undefined) {
        yield rejectionItem(
          source,
          item.inputRef,
          item.sample.id,
          'normalise',
          `duplicate sample id "${item.sample.id}" (first given by ${earlier})`,
        );
        continue;
      }
      firstRef.set(item.sample.id, item.inputRef);
    }
    yield item;
  }
}
