import { open, type FileHandle } from 'node:fs/promises';
import { tsvRecordsOf, type TaskType, type TsvRecord } from '@mixed-r1/records';
import type { SourceItem } from '../candidate';
import type { SourceAdapter, SourceConfig } from '../source-adapter';
import { fileChunks } from './annotation-file';
import { imageFromBase64 } from './base64-image';
import { fieldsForTask, optionLetter, questionWithOptions, yesNoAnswer, type AskedQuestion, type TaskFields } from './normalise';
import { forcedTask, readOptions } from './options';
import {
  imageInsideRoot,
  imageRootOf,
  lineRef,
  metadataJson,
  rejectionItem,
  sampleId,
  sampleItem,
  withUniqueIds,
} from './source-items';

const ADAPTER = 'vlmevalkit-tsv';

interface Options {
  /** A task type for every row, instead of options -> multiple_choice, yes/no -> yes_no, else open_ended. */
  readonly task: TaskType | undefined;
}

const OPTIONS = { task: forcedTask };

/**
 * VLMEvalKit (`vlmeval/dataset/image_base.py`, `ImageBaseDataset.__init__`): an `image` field of at
 * most 64 characters is not an image but the `index` of the row that holds it ("the image field can
 * store the base64 encoded image or another question index (for saving space)").
 */
const IMAGE_REFERENCE_MAX_LENGTH = 64;

/** Column positions of the header. */
interface Columns {
  readonly count: number;
  readonly index: number;
  readonly question: number;
  readonly answer: number;
  readonly image: number;
  readonly imagePath: number;
  readonly hint: number;
  /** Option columns A, B, ... present in the header, in letter order. */
  readonly options: readonly { readonly letter: string; readonly column: number }[];
  /** Columns copied into the metadata. */
  readonly metadata: readonly { readonly name: string; readonly column: number }[];
}

const METADATA_COLUMNS = ['category', 'l2-category', 'split', 'source'];

function columnsOf(header: TsvRecord, path: string): Columns {
  if (header.error) throw new Error(`cannot read the header of ${path}: ${header.error}`);
  const names = header.fields.map((name) => name.trim());
  const at = (name: string) => names.indexOf(name);
  const missing = ['index', 'question', 'answer'].filter((name) => at(name) < 0);
  if (at('image') < 0 && at('image_path') < 0) missing.push('image or image_path');
  if (missing.length > 0) {
    throw new Error(`${path} is not a VLMEvalKit TSV with ground truth: no ${missing.join(', ')} column (found: ${names.join(', ')})`);
  }
  const letters = Array.from({ length: 26 }, (_, k) => optionLetter(k));
  return {
    count: names.length,
    index: at('index'),
    question: at('question'),
    answer: at('answer'),
    image: at('image'),
    imagePath: at('image_path'),
    hint: at('hint'),
    options: letters.filter((letter) => at(letter) >= 0).map((letter) => ({ letter, column: at(letter) })),
    metadata: METADATA_COLUMNS.filter((name) => at(name) >= 0).map((name) => ({ name, column: at(name) })),
  };
}

/** The strings of a Python list literal such as `['a.jpg', 'b.jpg']` (VLMEvalKit's `toliststr`); null when not a list. */
function pythonStrings(text: string): string[] | null {
  if (!(text.startsWith('[') && text.endsWith(']'))) return null;
  return [...text.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)].map((match) => match[1] ?? match[2]);
}

/** The one item of a field that may be a list of several (multi-image rows), or why there is not one. */
function singleItem(text: string, column: string): { value: string } | { reason: string } {
  const list = pythonStrings(text);
  if (!list) return { value: text };
  if (list.length !== 1) return { reason: `"${column}" holds ${list.length} images; a sample has one` };
  return { value: list[0] };
}

/** A row, read up to its image. */
interface RowParts {
  readonly ref: string;
  readonly id: string;
  readonly fields: TaskFields;
  readonly metadata: string | null;
}

function options(record: TsvRecord, columns: Columns): string[] | { reason: string } {
  const values = columns.options.map(({ letter, column }) => ({ letter, text: record.fields[column].trim() }));
  const last = values.map((value) => value.text !== '').lastIndexOf(true);
  const given = values.slice(0, last + 1);
  const gap = given.find((value) => value.text === '');
  if (gap) return { reason: `option ${gap.letter} is empty but a later option is given` };
  const expected = given.map((_, k) => optionLetter(k));
  if (given.some((value, k) => value.letter !== expected[k])) {
    return { reason: `option columns ${given.map((value) => value.letter).join(', ')} do not run from A without a gap` };
  }
  return given.map((value) => value.text);
}

function taskFields(forced: TaskType | undefined, asked: AskedQuestion, answer: string): TaskFields | { reason: string } {
  if (forced) return fieldsForTask(forced, asked, answer);
  if (asked.lettered) return fieldsForTask('multiple_choice', asked, answer);
  if (yesNoAnswer(answer)) return fieldsForTask('yes_no', asked, answer);
  return fieldsForTask('open_ended', asked, answer);
}

/** The parts of a row other than its image, or why it cannot be a sample. */
function rowParts(source: SourceConfig, record: TsvRecord, columns: Columns, task: TaskType | undefined): RowParts | SourceItem {
  const ref = lineRef(source.path, record.line);
  if (record.error) return rejectionItem(source, ref, null, 'read', record.error);
  if (record.fields.length !== columns.count) {
    const reason = `expected ${columns.count} fields (as the header), found ${record.fields.length}`;
    return rejectionItem(source, ref, null, 'read', reason);
  }
  const field = (column: number) => (column >= 0 ? record.fields[column].trim() : '');
  const index = field(columns.index);
  if (index === '') return rejectionItem(source, ref, null, 'normalise', 'empty "index"');
  const id = sampleId(source, index);
  const stem = field(columns.question);
  const answer = field(columns.answer);
  if (stem === '' || answer === '') {
    return rejectionItem(source, ref, id, 'normalise', `empty ${stem === '' ? '"question"' : '"answer"'}`);
  }
  const optionTexts = options(record, columns);
  if ('reason' in optionTexts) return rejectionItem(source, ref, id, 'normalise', optionTexts.reason);
  // VLMEvalKit's prompts (ImageMCQDataset.build_prompt) put a hint before the question as "Hint: ...".
  const hint = field(columns.hint);
  const question = hint ? `Hint: ${hint}\n${stem}` : stem;
  const lettered = optionTexts.length > 0 ? { stem: question, options: optionTexts } : null;
  const asked = { text: lettered ? questionWithOptions(question, optionTexts) : question, lettered };
  const fields = taskFields(task, asked, answer);
  if ('reason' in fields) return rejectionItem(source, ref, id, 'normalise', fields.reason);
  const metadata = metadataJson({
    index,
    ...Object.fromEntries(columns.metadata.map(({ name, column }) => [name, field(column) || undefined])),
  });
  return { ref, id, fields, metadata };
}

/** Reads the base64 image of an earlier row back from the file, by its byte range. */
class ImageSpans {
  private readonly spans = new Map<string, readonly [number, number]>();
  private handle: FileHandle | undefined;

  constructor(private readonly path: string) {}

  remember(index: string, span: readonly [number, number]): void {
    if (!this.spans.has(index)) this.spans.set(index, span);
  }

  has(index: string): boolean {
    return this.spans.has(index);
  }

  async text(index: string): Promise<string> {
    const [start, end] = this.spans.get(index) as readonly [number, number];
    this.handle ??= await open(this.path, 'r');
    const bytes = Buffer.alloc(end - start);
    await this.handle.read(bytes, 0, bytes.length, start);
    return bytes.toString('utf8').replaceAll('""', '"');
  }

  async close(): Promise<void> {
    await this.handle?.close();
  }
}

function imageItem(source: SourceConfig, parts: RowParts, image: { bytes: Uint8Array } | { reason: string }): SourceItem {
  if ('reason' in image) return rejectionItem(source, parts.ref, parts.id, 'read', image.reason);
  return sampleItem(source, parts.ref, parts.id, { ...parts.fields, imageBytes: image.bytes, metadata: parts.metadata });
}

async function* readTsv(source: SourceConfig): AsyncGenerator<SourceItem> {
  const { task } = readOptions<Options>(source, ADAPTER, OPTIONS);
  const root = imageRootOf(source);
  const spans = new ImageSpans(source.path);
  const deferred: { parts: RowParts; target: string }[] = [];
  let columns: Columns | undefined;
  try {
    for await (const record of tsvRecordsOf(fileChunks(source.path), { textAfterClosingQuote: 'malformed' })) {
      if (!columns) {
        columns = columnsOf(record, source.path);
        continue;
      }
      const parts = rowParts(source, record, columns, task);
      if (!('fields' in parts)) {
        yield parts;
        continue;
      }
      const image = columns.image >= 0 ? record.fields[columns.image].trim() : '';
      const imagePath = columns.imagePath >= 0 ? record.fields[columns.imagePath].trim() : '';
      if (image !== '' && image.length <= IMAGE_REFERENCE_MAX_LENGTH) {
        if (spans.has(image)) yield imageItem(source, parts, imageFromBase64(await spans.text(image)));
        else deferred.push({ parts, target: image });
      } else if (image !== '') {
        const single = singleItem(image, 'image');
        // Only a plain base64 field can be read back by its byte range for rows that point to it.
        if ('value' in single && single.value === image) {
          spans.remember(record.fields[columns.index].trim(), record.spans[columns.image]);
        }
        yield imageItem(source, parts, 'reason' in single ? single : imageFromBase64(single.value));
      } else if (imagePath !== '') {
        const single = singleItem(imagePath, 'image_path');
        const resolved = 'reason' in single ? single : await imageInsideRoot(root, single.value);
        if ('reason' in resolved) yield rejectionItem(source, parts.ref, parts.id, 'read', resolved.reason);
        else yield sampleItem(source, parts.ref, parts.id, { ...parts.fields, imagePath: resolved.path, metadata: parts.metadata });
      } else {
        yield rejectionItem(source, parts.ref, parts.id, 'normalise', 'no image (empty "image" and "image_path")');
      }
    }
    // Rows whose image is held by a later row.
    for (const { parts, target } of deferred) {
      if (spans.has(target)) yield imageItem(source, parts, imageFromBase64(await spans.text(target)));
      else {
        const reason = `"image" refers to index ${JSON.stringify(target)}, which holds no image in the file`;
        yield rejectionItem(source, parts.ref, parts.id, 'read', reason);
      }
    }
  } finally {
    await spans.close();
  }
  if (!columns) throw new Error(`${source.path} is empty: expected a VLMEvalKit TSV header (index, image, question, ..., answer)`);
}

/**
 * VLMEvalKit's benchmark TSV (the format MMBench, MMStar, AI2D, HallusionBench, ... ship in): a
 * header naming `index`, `image` (base64) or `image_path`, `question`, option columns `A`..`Z`,
 * `answer`, `category`, optional `hint`; written by pandas `to_csv(sep='\t', quoting=csv.QUOTE_ALL)`
 * (VLMEvalKit `vlmeval/smp/file.py`, `dump`). Read as a stream; a row may point to another row's image.
 */
export const vlmEvalKitTsvAdapter: SourceAdapter = {
  name: ADAPTER,
  description: 'VLMEvalKit benchmark TSV: index, base64 image, question, options A.., answer, category',
  read: (source) => withUniqueIds(source, readTsv(source)),
};
