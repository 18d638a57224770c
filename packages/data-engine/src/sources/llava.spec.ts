import { sourceFixture } from '../testing/fixtures/sources';
import { collect, NO_EXTRAS, realFixture } from './spec-helpers';

const json = sourceFixture('llava', 'conversations.json');
const jsonl = sourceFixture('llava', 'conversations.jsonl');
const root = sourceFixture('llava');
const red = realFixture('llava', 'images', 'red.png');
const green = realFixture('llava', 'images', 'green.png');

describe('the llava adapter, JSON array', () => {
  it('gives the first human/gpt pair of each conversation, inferring the task from the answer', async () => {
    const { samples } = await collect({ name: 'llava-mix', adapter: 'llava', path: json });
    expect(samples).toEqual([
      {
        ...NO_EXTRAS,
        id: 'llava-mix/000000033471',
        source: 'llava-mix',
        task: 'yes_no',
        question: 'Is the square red?\nAnswer the question using a single word or phrase.',
        answer: 'yes',
        imagePath: red,
        metadata: '{"image":"images/red.png"}',
        inputRef: `${json}#0`,
      },
      {
        ...NO_EXTRAS,
        id: 'llava-mix/mc-0001',
        source: 'llava-mix',
        task: 'multiple_choice',
        question: "Which colour fills the image?\nAnswer with the option's letter from the given choices directly.",
        options: ['Red', 'Green', 'Blue'],
        answer: 'B',
        imagePath: green,
        metadata: '{"image":"images/green.png"}',
        inputRef: `${json}#1`,
      },
      {
        ...NO_EXTRAS,
        id: 'llava-mix/open-7',
        source: 'llava-mix',
        task: 'open_ended',
        question: 'Describe the image briefly.',
        answer: 'A small green rectangle, taller than it is wide.',
        imagePath: green,
        metadata: '{"image":"images/green.png"}',
        inputRef: `${json}#2`,
      },
    ]);
  });

  it('rejects what cannot be a sample, with the reason, the stage and where it is', async () => {
    const { rejections } = await collect({ name: 'llava-mix', adapter: 'llava', path: json });
    const rejection = (index: number, sampleId: string | null, stage: string, reason: string) => ({
      source: 'llava-mix',
      inputRef: `${json}#${index}`,
      sampleId,
      stage,
      reason,
    });
    expect(rejections).toEqual([
      rejection(3, 'llava-mix/text-only-1', 'normalise', 'no "image" (a text-only conversation)'),
      rejection(4, 'llava-mix/escape-1', 'read', `image path "../../../../../../secret.png" escapes the image root ${root} through ".."`),
      rejection(5, 'llava-mix/absolute-1', 'read', 'image path "/etc/hostname" is absolute; expected a path relative to the image root'),
      rejection(6, 'llava-mix/missing-1', 'read', `image file not found: "images/missing.png" under ${root}`),
      rejection(
        7,
        'llava-mix/bad-turns-1',
        'normalise',
        'conversation turn 0 must be {from: "human", value: text}, found {"from":"gpt","value":"Hello"}',
      ),
      rejection(8, null, 'normalise', 'entry is not an object: 42'),
      rejection(9, 'llava-mix/000000033471', 'normalise', `duplicate sample id "llava-mix/000000033471" (first given by ${json}#0)`),
    ]);
  });

  it('gives every pair with pairs: all, later pairs numbered after the id', async () => {
    const { samples } = await collect({ name: 'l', adapter: 'llava', path: json, options: { pairs: 'all' } });
    expect(samples.map((sample) => [sample.id, sample.task, sample.question, sample.answer, sample.metadata])).toEqual([
      ['l/000000033471', 'yes_no', 'Is the square red?\nAnswer the question using a single word or phrase.', 'yes', '{"image":"images/red.png","turn":0}'],
      [
        'l/000000033471#1',
        'open_ended',
        'What colour is the border?',
        'There is no border; the whole image is one colour.',
        '{"image":"images/red.png","turn":1}',
      ],
      ['l/mc-0001', 'multiple_choice', expect.any(String), 'B', '{"image":"images/green.png","turn":0}'],
      ['l/open-7', 'open_ended', 'Describe the image briefly.', expect.any(String), '{"image":"images/green.png","turn":0}'],
    ]);
  });

  it('forces a task with option task, rejecting answers that do not fit it', async () => {
    const { samples, rejections } = await collect({ name: 'l', adapter: 'llava', path: json, options: { task: 'multiple_choice' } });
    expect(samples.map((sample) => sample.id)).toEqual(['l/mc-0001']);
    expect(rejections.slice(0, 2)).toEqual([
      {
        source: 'l',
        inputRef: `${json}#0`,
        sampleId: 'l/000000033471',
        stage: 'normalise',
        reason: 'turn 0: multiple_choice needs lettered options (A, B, ...); the question has none',
      },
      {
        source: 'l',
        inputRef: `${json}#2`,
        sampleId: 'l/open-7',
        stage: 'normalise',
        reason: 'turn 0: multiple_choice needs lettered options (A, B, ...); the question has none',
      },
    ]);
  });
});

describe('the llava adapter, JSONL', () => {
  it('reads one conversation per line, numbering entries without an id by their place', async () => {
    const { samples, rejections } = await collect({ name: 'lj', adapter: 'llava', path: jsonl });
    expect(samples).toEqual([
      {
        ...NO_EXTRAS,
        id: 'lj/sqa-12',
        source: 'lj',
        task: 'multiple_choice',
        question: 'Which word best describes the colour?\nContext: The picture shows a colour swatch.',
        options: ['crimson', 'teal', 'ivory'],
        answer: 'A',
        imagePath: red,
        metadata: '{"image":"images/red.png"}',
        inputRef: `${jsonl}:1`,
      },
      {
        // The answer "D" is not one of the options A-B: not multiple choice, so the question keeps its option lines.
        ...NO_EXTRAS,
        id: 'lj/mc-out-of-range',
        source: 'lj',
        task: 'open_ended',
        question: 'Pick one.\n(A) up\n(B) down',
        answer: 'D',
        imagePath: red,
        metadata: '{"image":"images/red.png"}',
        inputRef: `${jsonl}:3`,
      },
      {
        ...NO_EXTRAS,
        id: 'lj/3',
        source: 'lj',
        task: 'yes_no',
        question: 'Is it green?',
        answer: 'no',
        imagePath: green,
        metadata: '{"image":"images/green.png"}',
        inputRef: `${jsonl}:5`,
      },
    ]);
    expect(rejections).toEqual([
      { source: 'lj', inputRef: `${jsonl}:2`, sampleId: null, stage: 'read', reason: expect.stringMatching(/^not valid JSON \(/) },
    ]);
  });

  it('rejects the out-of-range letter when multiple_choice is forced', async () => {
    const { rejections } = await collect({ name: 'lj', adapter: 'llava', path: jsonl, options: { task: 'multiple_choice' } });
    expect(rejections).toContainEqual({
      source: 'lj',
      inputRef: `${jsonl}:3`,
      sampleId: 'lj/mc-out-of-range',
      stage: 'normalise',
      reason: 'turn 0: answer "D" is not one of the option letters A-B',
    });
  });

  it('throws, naming the file, when the annotation file cannot be read', async () => {
    const missing = sourceFixture('llava', 'no-such-file.json');
    await expect(collect({ name: 'l', adapter: 'llava', path: missing })).rejects.toThrow(`cannot read annotation file ${missing}`);
  });

  it('throws on an unknown option', async () => {
    await expect(collect({ name: 'l', adapter: 'llava', path: json, options: { pair: 'all' } })).rejects.toThrow(
      'source "l" (adapter llava): unknown option "pair"; valid options: pairs, task',
    );
  });
});
