import { sourceFixture } from '../testing/fixtures/sources';
import { collect, NO_EXTRAS, realFixture } from './spec-helpers';

const scienceQa = sourceFixture('multiple-choice', 'scienceqa', 'problems.json');
const aOkVqa = sourceFixture('multiple-choice', 'aokvqa', 'aokvqa_v1p0_val.json');
const jsonl = sourceFixture('multiple-choice', 'questions.jsonl');
const swatch = realFixture('multiple-choice', 'scienceqa', 'train', '1', 'image.png');

describe('the multiple-choice adapter, ScienceQA problems.json', () => {
  const source = {
    name: 'scienceqa',
    adapter: 'multiple-choice',
    path: scienceQa,
    options: { imagePattern: '{split}/{key}/{image}', split: 'train' },
  };

  it('gives the answer as a letter, the hint before the question, and the solution as a worked answer', async () => {
    const { samples } = await collect(source);
    expect(samples).toEqual([
      {
        ...NO_EXTRAS,
        id: 'scienceqa/1',
        source: 'scienceqa',
        task: 'multiple_choice',
        question: 'Hint: The picture is a colour swatch.\nWhich colour is shown?',
        options: ['red', 'teal', 'gold'],
        answer: 'B',
        imagePath: swatch,
        solution: '<think>The swatch is a blue-green colour, which is called teal.</think><answer>B</answer>',
        metadata: '{"image":"train/1/image.png","split":"train"}',
        inputRef: `${scienceQa}#1`,
      },
    ]);
  });

  it('rejects text-only questions, an index out of range, a single choice and other splits', async () => {
    const { rejections } = await collect(source);
    const rejection = (key: string, reason: string) => ({
      source: 'scienceqa',
      inputRef: `${scienceQa}#${key}`,
      sampleId: `scienceqa/${key}`,
      stage: 'normalise',
      reason,
    });
    expect(rejections).toEqual([
      rejection('2', 'no image ("image" is null); a text-only question'),
      rejection('3', 'answer index 5 is outside the 2 choices (0-1)'),
      rejection('4', '1 choice(s); a multiple-choice question needs at least 2'),
      rejection('5', 'split "val", not the selected split "train"'),
    ]);
  });
});

describe('the multiple-choice adapter, A-OKVQA', () => {
  it('reads correct_choice_idx, the COCO image by a zero-padded pattern, and the first rationale', async () => {
    const { samples, rejections } = await collect({
      name: 'aokvqa',
      adapter: 'multiple-choice',
      path: aOkVqa,
      options: { imagePattern: '{split}2017/{image_id:012d}.png' },
    });
    expect(samples).toEqual([
      {
        ...NO_EXTRAS,
        id: 'aokvqa/22MexNkBPpdZGX6sxbxVBH',
        source: 'aokvqa',
        task: 'multiple_choice',
        question: 'What is the colour of the object?',
        options: ['purple', 'orange', 'green', 'white'],
        answer: 'A',
        imagePath: realFixture('multiple-choice', 'aokvqa', 'val2017', '000000000042.png'),
        solution: '<think>The whole picture is a purple colour.</think><answer>A</answer>',
        metadata: '{"image":"val2017/000000000042.png","split":"val"}',
        inputRef: `${aOkVqa}#0`,
      },
    ]);
    expect(rejections).toEqual([
      {
        source: 'aokvqa',
        inputRef: `${aOkVqa}#1`,
        sampleId: 'aokvqa/no-answer-index',
        stage: 'normalise',
        reason: 'no answer index ("answer" or "correct_choice_idx")',
      },
      {
        source: 'aokvqa',
        inputRef: `${aOkVqa}#2`,
        sampleId: 'aokvqa/missing-image',
        stage: 'read',
        reason: `image file not found: "val2017/000000000999.png" under ${sourceFixture('multiple-choice', 'aokvqa')}`,
      },
    ]);
  });
});

describe('the multiple-choice adapter, JSONL with image_path', () => {
  it('reads the image_path field and rejects more than 26 choices, a text index, an empty choice and a negative index', async () => {
    const { samples, rejections } = await collect({ name: 'mc', adapter: 'multiple-choice', path: jsonl });
    expect(samples).toEqual([
      {
        ...NO_EXTRAS,
        id: 'mc/ok-1',
        source: 'mc',
        task: 'multiple_choice',
        question: 'Which letter comes first?',
        options: ['b', 'a', 'c'],
        answer: 'B',
        imagePath: swatch,
        metadata: '{"image":"scienceqa/train/1/image.png"}',
        inputRef: `${jsonl}:1`,
      },
    ]);
    const rejection = (line: number, id: string, reason: string) => ({
      source: 'mc',
      inputRef: `${jsonl}:${line}`,
      sampleId: `mc/${id}`,
      stage: 'normalise',
      reason,
    });
    expect(rejections).toEqual([
      rejection(2, 'many', '27 choices; at most 26 (A-Z) are possible'),
      rejection(3, 'text-index', 'the answer index must be an integer, found "1"'),
      rejection(4, 'empty-choice', 'choice 1 is empty or not text: " "'),
      rejection(5, 'negative', 'answer index -1 is outside the 2 choices (0-1)'),
    ]);
  });

  it('reads the image from option imageField, and refuses imageField with imagePattern', async () => {
    const { rejections } = await collect({ name: 'mc', adapter: 'multiple-choice', path: jsonl, options: { imageField: 'picture' } });
    expect(rejections[0]).toMatchObject({ sampleId: 'mc/ok-1', reason: 'no image (picture); a text-only question' });
    await expect(
      collect({ name: 'mc', adapter: 'multiple-choice', path: jsonl, options: { imageField: 'a', imagePattern: '{b}' } }),
    ).rejects.toThrow('source "mc" (adapter multiple-choice): give "imageField" or "imagePattern", not both');
  });
});
