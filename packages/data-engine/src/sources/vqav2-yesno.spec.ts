import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { sourceFixture } from '../testing/fixtures/sources';
import { collect, NO_EXTRAS, realFixture, temporaryFolder } from './spec-helpers';

const questions = sourceFixture('vqav2-yesno', 'v2_OpenEnded_mscoco_val2014_questions.json');
const annotations = sourceFixture('vqav2-yesno', 'v2_mscoco_val2014_annotations.json');
const imageRoot = sourceFixture('vqav2-yesno', 'val2014');
const source = {
  name: 'vqav2',
  adapter: 'vqav2-yesno',
  path: questions,
  imageRoot,
  options: { annotations: 'v2_mscoco_val2014_annotations.json', imagePattern: 'COCO_val2014_{image_id:012d}.png' },
};

describe('the vqav2-yesno adapter', () => {
  it('joins questions and annotations by question_id and keeps the yes/no ones', async () => {
    const { samples } = await collect(source);
    expect(samples).toEqual([
      {
        ...NO_EXTRAS,
        id: 'vqav2/42000',
        source: 'vqav2',
        task: 'yes_no',
        question: 'Is the picture grey?',
        answer: 'yes',
        imagePath: realFixture('vqav2-yesno', 'val2014', 'COCO_val2014_000000000042.png'),
        // 9 of the 10 human answers are "yes".
        metadata: '{"questionId":42000,"imageId":42,"agreement":0.9}',
        inputRef: `${questions}#0`,
      },
      {
        ...NO_EXTRAS,
        id: 'vqav2/73000',
        source: 'vqav2',
        task: 'yes_no',
        question: 'Is there a dog in the picture?',
        answer: 'no',
        imagePath: realFixture('vqav2-yesno', 'val2014', 'COCO_val2014_000000000073.png'),
        metadata: '{"questionId":73000,"imageId":73,"agreement":1}',
        inputRef: `${questions}#1`,
      },
    ]);
  });

  it('rejects other answer types, a yes/no question answered otherwise, a question without annotation, a missing image', async () => {
    const { rejections } = await collect(source);
    const rejection = (index: number, id: number, stage: string, reason: string) => ({
      source: 'vqav2',
      inputRef: `${questions}#${index}`,
      sampleId: `vqav2/${id}`,
      stage,
      reason,
    });
    expect(rejections).toEqual([
      rejection(2, 42001, 'normalise', 'not a yes/no question (answer_type "number")'),
      rejection(3, 42002, 'normalise', 'not a yes/no question (answer_type "other")'),
      rejection(4, 73001, 'normalise', 'not a yes/no question (multiple_choice_answer "maybe")'),
      rejection(5, 73002, 'normalise', `no annotation of question_id 73002 in ${annotations}`),
      rejection(6, 99000, 'read', `image file not found: "COCO_val2014_000000000099.png" under ${imageRoot}`),
    ]);
  });

  it('names images COCO_val2014_<image_id as 12 digits>.jpg by default', async () => {
    const folder = temporaryFolder();
    try {
      mkdirSync(join(folder.path, 'val2014'));
      const jpeg = join(folder.path, 'val2014', 'COCO_val2014_000000000042.jpg');
      copyFileSync(sourceFixture('vqav2-yesno', 'val2014', 'COCO_val2014_000000000042.png'), jpeg);
      const { samples } = await collect({ ...source, imageRoot: join(folder.path, 'val2014'), options: { annotations } });
      expect(samples.map((sample) => [sample.id, sample.imagePath])).toEqual([['vqav2/42000', jpeg]]);
    } finally {
      folder.remove();
    }
  });

  it('requires option annotations, and throws naming an annotations file that cannot be read', async () => {
    await expect(collect({ ...source, options: {} })).rejects.toThrow(
      'source "vqav2" (adapter vqav2-yesno): option "annotations" is required: the path of the annotations file next to the questions',
    );
    const missing = sourceFixture('vqav2-yesno', 'missing.json');
    await expect(collect({ ...source, options: { annotations: 'missing.json' } })).rejects.toThrow(`cannot read annotations file ${missing}`);
  });

  it('throws when the questions file has no questions array', async () => {
    await expect(collect({ ...source, path: annotations })).rejects.toThrow(
      `${annotations}: the JSON object has no "questions" member; expected object with a "questions" array`,
    );
  });
});
