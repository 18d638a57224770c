import type { SourceItem } from '../candidate';
import type { SourceAdapter, SourceConfig } from '../source-adapter';
import { annotationRecords } from './annotation-records';
import { MAX_OPTIONS, optionLetter } from './normalise';
import { readOptions, text } from './options';
import { pathPattern, type PathPattern } from './path-pattern';
import {
  imageInsideRoot,
  imageRootOf,
  isRecord,
  metadataJson,
  rejectionItem,
  sampleId,
  sampleItem,
  textOf,
  withUniqueIds,
} from './source-items';

const ADAPTER = 'multiple-choice';

interface Options {
  /** The field holding the image path (default: `image`, then `image_path`). */
  readonly imageField: string | undefined;
  /** The image path built from the entry's fields, e.g. `{split}/{key}/{image}` for ScienceQA. */
  readonly imagePattern: string | undefined;
  /** Keep only entries whose `split` is this. */
  readonly split: string | undefined;
}

const OPTIONS = { imageField: text(undefined), imagePattern: text(undefined), split: text(undefined) };

/** The answer index: `answer` (ScienceQA) or `correct_choice_idx` (A-OKVQA). */
function answerIndex(entry: Record<string, unknown>): number | { reason: string } {
  const value = entry.answer !== undefined ? entry.answer : entry.correct_choice_idx;
  if (value === undefined || value === null) return { reason: 'no answer index ("answer" or "correct_choice_idx")' };
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return { reason: `the answer index must be an integer, found ${JSON.stringify(value)}` };
  }
  return value;
}

/** The option texts, or why they are not 2 to 26 non-empty texts. */
function choicesOf(value: unknown): string[] | { reason: string } {
  if (!Array.isArray(value)) return { reason: `"choices" must be an array, found ${JSON.stringify(value)}` };
  if (value.length < 2) return { reason: `${value.length} choice(s); a multiple-choice question needs at least 2` };
  if (value.length > MAX_OPTIONS) return { reason: `${value.length} choices; at most ${MAX_OPTIONS} (A-Z) are possible` };
  const texts = value.map(textOf);
  const empty = texts.findIndex((choice) => choice === null);
  if (empty >= 0) return { reason: `choice ${empty} is empty or not text: ${JSON.stringify(value[empty])}` };
  return texts as string[];
}

/** The entry's image path as written, or why it has none. */
function imageOf(
  entry: Record<string, unknown>,
  options: Options,
  pattern: PathPattern | undefined,
  names: { key: string | null; index: number },
): { path: string } | { reason: string } {
  if (pattern) {
    // ScienceQA writes "image": null for a question without one.
    const missing = pattern.fields.find((field) => entry[field] === null);
    if (missing) return { reason: `no image ("${missing}" is null); a text-only question` };
    const formatted = pattern.format({ ...entry, key: names.key ?? undefined, index: names.index });
    return 'error' in formatted ? { reason: formatted.error } : formatted;
  }
  const fields = options.imageField ? [options.imageField] : ['image', 'image_path'];
  const field = fields.find((name) => entry[name] !== undefined && entry[name] !== null);
  if (!field) return { reason: `no image (${fields.join(' / ')}); a text-only question` };
  const path = textOf(entry[field]);
  return path ? { path } : { reason: `"${field}" must be a path, found ${JSON.stringify(entry[field])}` };
}

/** ScienceQA's `solution`, or A-OKVQA's first rationale, as a worked solution for the letter. */
function solutionOf(entry: Record<string, unknown>, letter: string): string | null {
  const reasoning = textOf(entry.solution) ?? (Array.isArray(entry.rationales) ? textOf(entry.rationales[0]) : null);
  return reasoning ? `<think>${reasoning}</think><answer>${letter}</answer>` : null;
}

async function* readMultipleChoice(source: SourceConfig): AsyncGenerator<SourceItem> {
  const options = readOptions<Options>(source, ADAPTER, OPTIONS);
  const where = `source "${source.name}" (adapter ${ADAPTER})`;
  if (options.imageField && options.imagePattern) throw new Error(`${where}: give "imageField" or "imagePattern", not both`);
  const pattern = options.imagePattern ? pathPattern(options.imagePattern, `${where}: option "imagePattern"`) : undefined;
  const root = imageRootOf(source);
  for await (const record of annotationRecords(source.path, 'entries')) {
    if ('error' in record) {
      yield rejectionItem(source, record.ref, null, 'read', record.error);
      continue;
    }
    const entry = record.value;
    if (!isRecord(entry)) {
      yield rejectionItem(source, record.ref, null, 'normalise', `entry is not an object: ${JSON.stringify(entry)}`);
      continue;
    }
    const nativeId = record.key ?? textOf(entry.question_id) ?? textOf(entry.id) ?? String(record.index);
    const id = sampleId(source, nativeId);
    const reject = (stage: 'read' | 'normalise', reason: string) => rejectionItem(source, record.ref, id, stage, reason);
    const split = textOf(entry.split) ?? undefined;
    if (options.split !== undefined && split !== options.split) {
      const found = split === undefined ? 'no split' : `split "${split}"`;
      yield reject('normalise', `${found}, not the selected split "${options.split}"`);
      continue;
    }
    const question = textOf(entry.question);
    const choices = choicesOf(entry.choices);
    const index = answerIndex(entry);
    if (!question) yield reject('normalise', 'missing or empty "question"');
    else if ('reason' in choices) yield reject('normalise', choices.reason);
    else if (typeof index !== 'number') yield reject('normalise', index.reason);
    else if (index < 0 || index >= choices.length) {
      yield reject('normalise', `answer index ${index} is outside the ${choices.length} choices (0-${choices.length - 1})`);
    } else {
      const written = imageOf(entry, options, pattern, { key: record.key, index: record.index });
      if ('reason' in written) {
        yield reject('normalise', written.reason);
        continue;
      }
      const image = await imageInsideRoot(root, written.path);
      if ('reason' in image) {
        yield reject('read', image.reason);
        continue;
      }
      const hint = textOf(entry.hint);
      const letter = optionLetter(index);
      yield sampleItem(source, record.ref, id, {
        task: 'multiple_choice',
        question: hint ? `Hint: ${hint}\n${question}` : question,
        options: choices,
        answer: letter,
        imagePath: image.path,
        solution: solutionOf(entry, letter),
        metadata: metadataJson({ image: written.path, split }),
      });
    }
  }
}

/**
 * Multiple-choice questions with a list of choices and the index of the right one: ScienceQA
 * (`problems.json`, an object of problems keyed by id, `{question, choices, answer, hint, image,
 * split, solution, ...}`, images at `<split>/<id>/image.png`) and A-OKVQA (`aokvqa_v1p0_<split>.json`,
 * an array of `{question_id, image_id, question, choices, correct_choice_idx, rationales, ...}`,
 * images COCO 2017's `<split>2017/<image_id:012d>.jpg`), as JSON (array or object) or JSONL.
 */
export const multipleChoiceAdapter: SourceAdapter = {
  name: ADAPTER,
  description: 'ScienceQA / A-OKVQA style JSON: question, choices, answer index, image path',
  read: (source) => withUniqueIds(source, readMultipleChoice(source)),
};
