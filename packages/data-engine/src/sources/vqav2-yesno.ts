import type { SourceItem } from '../candidate';
import type { SourceAdapter, SourceConfig } from '../source-adapter';
import { assertReadableFile } from './annotation-file';
import { jsonElements } from './json-stream';
import { yesNoAnswer } from './normalise';
import { readOptions, text } from './options';
import { pathPattern } from './path-pattern';
import {
  besideAnnotations,
  entryRef,
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

const ADAPTER = 'vqav2-yesno';

interface Options {
  /** The annotations file (`v2_mscoco_<subtype>_annotations.json`); relative to the questions file's folder. */
  readonly annotations: string | undefined;
  /** The image file name from the question's fields. */
  readonly imagePattern: string;
}

const OPTIONS = { annotations: text(undefined), imagePattern: text('COCO_val2014_{image_id:012d}.jpg') };

/** What the adapter keeps of an annotation. */
interface Annotation {
  readonly answerType: unknown;
  /** The most frequent of the ten human answers. */
  readonly answer: unknown;
  /** The share of the ten human answers that equal `answer`. */
  readonly agreement: number | undefined;
}

function agreementOf(answers: unknown, answer: unknown): number | undefined {
  if (!Array.isArray(answers) || answers.length === 0 || typeof answer !== 'string') return undefined;
  const same = answers.filter((given) => isRecord(given) && textOf(given.answer)?.toLowerCase() === answer.trim().toLowerCase());
  return same.length / answers.length;
}

/** The annotations by question id: the file is read whole once, keeping a few fields of each. */
async function readAnnotations(path: string): Promise<Map<number, Annotation>> {
  await assertReadableFile(path, 'annotations file');
  const byQuestion = new Map<number, Annotation>();
  for await (const element of jsonElements(path, { kind: 'member', key: 'annotations' })) {
    const annotation = 'value' in element ? element.value : null;
    if (!isRecord(annotation) || typeof annotation.question_id !== 'number') continue;
    byQuestion.set(annotation.question_id, {
      answerType: annotation.answer_type,
      answer: annotation.multiple_choice_answer,
      agreement: agreementOf(annotation.answers, annotation.multiple_choice_answer),
    });
  }
  return byQuestion;
}

async function* readVqaV2(source: SourceConfig): AsyncGenerator<SourceItem> {
  const options = readOptions<Options>(source, ADAPTER, OPTIONS);
  const where = `source "${source.name}" (adapter ${ADAPTER})`;
  if (options.annotations === undefined) {
    throw new Error(`${where}: option "annotations" is required: the path of the annotations file next to the questions`);
  }
  const pattern = pathPattern(options.imagePattern, `${where}: option "imagePattern"`);
  const annotationsPath = besideAnnotations(source, options.annotations);
  const annotations = await readAnnotations(annotationsPath);
  const root = imageRootOf(source);
  for await (const element of jsonElements(source.path, { kind: 'member', key: 'questions' })) {
    const ref = entryRef(source.path, element.index);
    if ('error' in element) {
      yield rejectionItem(source, ref, null, 'read', element.error);
      continue;
    }
    const question = element.value;
    if (!isRecord(question) || typeof question.question_id !== 'number') {
      const reason = `not a question {question_id, image_id, question}: ${JSON.stringify(question)}`;
      yield rejectionItem(source, ref, null, 'normalise', reason);
      continue;
    }
    const id = sampleId(source, question.question_id);
    const reject = (stage: 'read' | 'normalise', reason: string) => rejectionItem(source, ref, id, stage, reason);
    const text = textOf(question.question);
    const annotation = annotations.get(question.question_id);
    if (!text) {
      yield reject('normalise', 'missing or empty "question"');
      continue;
    }
    if (!annotation) {
      yield reject('normalise', `no annotation of question_id ${question.question_id} in ${annotationsPath}`);
      continue;
    }
    if (annotation.answerType !== 'yes/no') {
      yield reject('normalise', `not a yes/no question (answer_type ${JSON.stringify(annotation.answerType)})`);
      continue;
    }
    const answer = typeof annotation.answer === 'string' ? yesNoAnswer(annotation.answer) : null;
    if (!answer) {
      yield reject('normalise', `not a yes/no question (multiple_choice_answer ${JSON.stringify(annotation.answer)})`);
      continue;
    }
    const name = pattern.format(question);
    if ('error' in name) {
      yield reject('normalise', name.error);
      continue;
    }
    const image = await imageInsideRoot(root, name.path);
    if ('reason' in image) {
      yield reject('read', image.reason);
      continue;
    }
    yield sampleItem(source, ref, id, {
      task: 'yes_no',
      question: text,
      answer,
      imagePath: image.path,
      metadata: metadataJson({ questionId: question.question_id, imageId: question.image_id, agreement: annotation.agreement }),
    });
  }
}

/**
 * VQAv2's yes/no questions (Goyal et al. 2017; visualqa.org/download.html): the questions file
 * `{questions: [{question_id, image_id, question}]}` joined by `question_id` with the annotations
 * file `{annotations: [{question_id, answer_type, multiple_choice_answer, answers: [{answer}]}]}`,
 * keeping `answer_type` "yes/no" with a yes or no answer. Images are COCO's,
 * `COCO_<subtype>_<image_id as 12 digits>.jpg`.
 */
export const vqaV2YesNoAdapter: SourceAdapter = {
  name: ADAPTER,
  description: 'VQAv2 questions + annotations files, yes/no questions only',
  read: (source) => withUniqueIds(source, readVqaV2(source)),
};
