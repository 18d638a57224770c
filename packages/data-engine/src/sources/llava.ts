import type { TaskType } from '@mixed-r1/records';
import type { SourceItem } from '../candidate';
import type { SourceAdapter, SourceConfig } from '../source-adapter';
import { annotationRecords } from './annotation-records';
import {
  answerLetter,
  fieldsForTask,
  letterWithin,
  parseLetteredOptions,
  removeImageTokens,
  yesNoAnswer,
  type AskedQuestion,
  type TaskFields,
} from './normalise';
import { choice, forcedTask, readOptions } from './options';
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

const ADAPTER = 'llava';

const OPTIONS = {
  /** `first`: one sample per conversation, from its first human/gpt pair; `all`: one per pair. */
  pairs: choice(['first', 'all'], 'first'),
  /** A task type for every sample, instead of inferring it from the answer. */
  task: forcedTask,
};

interface Options {
  readonly pairs: 'first' | 'all';
  readonly task: TaskType | undefined;
}

interface Turn {
  readonly question: string;
  readonly answer: string;
}

/** The human/gpt pairs of a conversation, or why it is not one. */
function conversationPairs(conversations: unknown): Turn[] | { reason: string } {
  if (!Array.isArray(conversations) || conversations.length === 0) {
    return { reason: '"conversations" must be a non-empty array of {from, value}' };
  }
  const pairs: Turn[] = [];
  for (let k = 0; k < conversations.length; k += 2) {
    const human: unknown = conversations[k];
    const gpt: unknown = conversations[k + 1];
    if (!isRecord(human) || human.from !== 'human' || typeof human.value !== 'string') {
      return { reason: `conversation turn ${k} must be {from: "human", value: text}, found ${JSON.stringify(human)}` };
    }
    if (!isRecord(gpt) || gpt.from !== 'gpt' || typeof gpt.value !== 'string') {
      const found = gpt === undefined ? 'nothing (the conversation ends on a question)' : JSON.stringify(gpt);
      return { reason: `conversation turn ${k + 1} must be {from: "gpt", value: text}, found ${found}` };
    }
    pairs.push({ question: removeImageTokens(human.value), answer: gpt.value.trim() });
  }
  return pairs;
}

/** yes_no for a yes/no answer, multiple_choice for lettered options answered by a letter, else open_ended. */
function inferredFields(asked: AskedQuestion, answer: string): TaskFields {
  const yesNo = yesNoAnswer(answer);
  if (yesNo) return { task: 'yes_no', question: asked.text, options: null, answer: yesNo, answerBox: null };
  const lettered = asked.lettered;
  const letter = lettered ? answerLetter(answer, lettered.options) : null;
  if (lettered && letter && letterWithin(letter, lettered.options.length)) {
    return { task: 'multiple_choice', question: lettered.stem, options: [...lettered.options], answer: letter, answerBox: null };
  }
  return { task: 'open_ended', question: asked.text, options: null, answer, answerBox: null };
}

/** The one image path of an entry, or why it has none. */
function entryImage(image: unknown): { path: string } | { reason: string } {
  const paths = Array.isArray(image) ? image : image === undefined || image === null ? [] : [image];
  if (paths.length === 0) return { reason: 'no "image" (a text-only conversation)' };
  if (paths.length > 1) return { reason: `${paths.length} images; a sample has one` };
  const path = textOf(paths[0]);
  return path ? { path } : { reason: `"image" must be a path, found ${JSON.stringify(image)}` };
}

async function* entryItems(
  source: SourceConfig,
  options: Options,
  root: string,
  ref: string,
  index: number,
  entry: unknown,
): AsyncGenerator<SourceItem> {
  if (!isRecord(entry)) {
    yield rejectionItem(source, ref, null, 'normalise', `entry is not an object: ${JSON.stringify(entry)}`);
    return;
  }
  const nativeId = textOf(entry.id) ?? String(index);
  const firstId = sampleId(source, nativeId);
  const image = entryImage(entry.image);
  if ('reason' in image) {
    yield rejectionItem(source, ref, firstId, 'normalise', image.reason);
    return;
  }
  const pairs = conversationPairs(entry.conversations);
  if ('reason' in pairs) {
    yield rejectionItem(source, ref, firstId, 'normalise', pairs.reason);
    return;
  }
  const resolved = await imageInsideRoot(root, image.path);
  if ('reason' in resolved) {
    yield rejectionItem(source, ref, firstId, 'read', resolved.reason);
    return;
  }
  const turns = options.pairs === 'first' ? pairs.slice(0, 1) : pairs;
  for (let turn = 0; turn < turns.length; turn++) {
    const id = turn === 0 ? firstId : `${firstId}#${turn}`;
    const { question, answer } = turns[turn];
    if (question === '' || answer === '') {
      yield rejectionItem(source, ref, id, 'normalise', `turn ${turn}: empty ${question === '' ? 'question' : 'answer'}`);
      continue;
    }
    const asked: AskedQuestion = { text: question, lettered: parseLetteredOptions(question) };
    const fields = options.task ? fieldsForTask(options.task, asked, answer) : inferredFields(asked, answer);
    if ('reason' in fields) {
      yield rejectionItem(source, ref, id, 'normalise', `turn ${turn}: ${fields.reason}`);
      continue;
    }
    const metadata = metadataJson({ image: image.path, turn: options.pairs === 'all' ? turn : undefined });
    yield sampleItem(source, ref, id, { ...fields, imagePath: resolved.path, metadata });
  }
}

async function* readLlava(source: SourceConfig): AsyncGenerator<SourceItem> {
  const options = readOptions<Options>(source, ADAPTER, OPTIONS);
  const root = imageRootOf(source);
  for await (const record of annotationRecords(source.path, 'jsonl')) {
    if ('error' in record) yield rejectionItem(source, record.ref, null, 'read', record.error);
    else yield* entryItems(source, options, root, record.ref, record.index, record.value);
  }
}

/**
 * LLaVA's instruction-tuning format (LLaVA `docs/Finetune_Custom_Data.md`: "a JSON file of a List of
 * all samples", each `{id, image, conversations: [{from: "human" | "gpt", value}]}`, the image path
 * relative to the image folder, `<image>` marking where the image goes in the first human turn), as a
 * JSON array or as JSONL.
 */
export const llavaAdapter: SourceAdapter = {
  name: ADAPTER,
  description: 'LLaVA-style conversations: JSON array or JSONL of {id, image, conversations: [{from, value}]}',
  read: (source) => withUniqueIds(source, readLlava(source)),
};
