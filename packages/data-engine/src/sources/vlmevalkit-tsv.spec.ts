import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourceFixture } from '../testing/fixtures/sources';
import { collect, NO_EXTRAS, realFixture, temporaryFolder } from './spec-helpers';

const path = sourceFixture('vlmevalkit-tsv', 'MMBench_fixture.tsv');
const paths = sourceFixture('vlmevalkit-tsv', 'paths.tsv');
// The fixture's base64 images are these files' bytes.
const redBytes = new Uint8Array(readFileSync(sourceFixture('vlmevalkit-tsv', 'images', 'path-1.png')));
const greenBytes = new Uint8Array(readFileSync(sourceFixture('llava', 'images', 'green.png')));

describe('the vlmevalkit-tsv adapter, base64 images', () => {
  it('reads rows with options as multiple choice, yes/no answers as yes_no, others as open_ended', async () => {
    const { samples } = await collect({ name: 'mmbench', adapter: 'vlmevalkit-tsv', path });
    expect(samples).toEqual([
      {
        ...NO_EXTRAS,
        id: 'mmbench/0',
        source: 'mmbench',
        task: 'multiple_choice',
        question: 'Which colour is the square?',
        options: ['Red', 'Green', 'Blue'],
        answer: 'A',
        imageBytes: redBytes,
        metadata: '{"index":"0","category":"colour","l2-category":"perception","split":"dev"}',
        inputRef: `${path}:2`,
      },
      {
        // Its image field "0" points to row 0's image; the quoted question holds a tab, a line break and quotes.
        ...NO_EXTRAS,
        id: 'mmbench/1',
        source: 'mmbench',
        task: 'yes_no',
        question: 'Is the "square"\tred?\nLook closely.',
        answer: 'yes',
        imageBytes: redBytes,
        metadata: '{"index":"1","category":"colour","l2-category":"perception","split":"dev"}',
        inputRef: `${path}:3`,
      },
      {
        ...NO_EXTRAS,
        id: 'mmbench/7',
        source: 'mmbench',
        task: 'open_ended',
        question: 'Hint: Count the shapes.\nHow many shapes are there?',
        answer: '1',
        imageBytes: greenBytes,
        metadata: '{"index":"7","category":"counting","split":"dev"}',
        inputRef: `${path}:10`,
      },
      {
        // Its image field "7" points to a later row: it comes once the file has been read.
        ...NO_EXTRAS,
        id: 'mmbench/2',
        source: 'mmbench',
        task: 'open_ended',
        question: 'Describe the picture.',
        answer: 'A green rectangle on its own.',
        imageBytes: greenBytes,
        metadata: '{"index":"2","category":"caption","split":"dev"}',
        inputRef: `${path}:5`,
      },
    ]);
  });

  it('rejects bad base64, gaps in the options, an answer outside them, short rows, several images, a dangling reference', async () => {
    const { rejections } = await collect({ name: 'm', adapter: 'vlmevalkit-tsv', path });
    const rejection = (line: number, sampleId: string | null, stage: string, reason: string) => ({
      source: 'm',
      inputRef: `${path}:${line}`,
      sampleId,
      stage,
      reason,
    });
    expect(rejections).toEqual([
      rejection(6, 'm/3', 'read', 'the image is not valid base64 (74 characters, starting "!!!!xxxxxxxxxxxx")'),
      rejection(7, 'm/4', 'normalise', 'option B is empty but a later option is given'),
      rejection(8, 'm/5', 'normalise', 'answer "E" is not one of the option letters A-B'),
      rejection(11, null, 'read', 'expected 12 fields (as the header), found 3'),
      rejection(12, 'm/9', 'read', '"image" holds 2 images; a sample has one'),
      rejection(13, null, 'read', 'a quoted field opened on line 13 is never closed (the file ends inside it)'),
      rejection(9, 'm/6', 'read', '"image" refers to index "99", which holds no image in the file'),
    ]);
  });

  it('forces a task with option task', async () => {
    const { samples } = await collect({ name: 'm', adapter: 'vlmevalkit-tsv', path, options: { task: 'open_ended' } });
    expect(samples.map((sample) => [sample.id, sample.task, sample.question, sample.options, sample.answer])).toEqual([
      ['m/0', 'open_ended', 'Which colour is the square?\nA. Red\nB. Green\nC. Blue', null, 'A'],
      ['m/1', 'open_ended', 'Is the "square"\tred?\nLook closely.', null, 'Yes'],
      ['m/5', 'open_ended', 'Which option?\nA. one\nB. two', null, 'E'],
      ['m/7', 'open_ended', 'Hint: Count the shapes.\nHow many shapes are there?', null, '1'],
      ['m/2', 'open_ended', 'Describe the picture.', null, 'A green rectangle on its own.'],
    ]);
  });
});

describe('the vlmevalkit-tsv adapter, image paths', () => {
  it('reads image_path (also a one-item list) inside the image root, with \\r\\n line breaks and minimal quoting', async () => {
    const { samples, rejections } = await collect({ name: 'p', adapter: 'vlmevalkit-tsv', path: paths });
    const image = realFixture('vlmevalkit-tsv', 'images', 'path-1.png');
    expect(samples).toEqual([
      {
        ...NO_EXTRAS,
        id: 'p/1',
        source: 'p',
        task: 'yes_no',
        question: 'Is the image red?',
        answer: 'yes',
        imagePath: image,
        metadata: '{"index":"1","category":"colour"}',
        inputRef: `${paths}:2`,
      },
      {
        ...NO_EXTRAS,
        id: 'p/2',
        source: 'p',
        task: 'open_ended',
        question: 'What is the colour, in one word?',
        answer: 'red',
        imagePath: image,
        metadata: '{"index":"2","category":"colour"}',
        inputRef: `${paths}:3`,
      },
    ]);
    const root = sourceFixture('vlmevalkit-tsv');
    expect(rejections).toEqual([
      {
        source: 'p',
        inputRef: `${paths}:4`,
        sampleId: 'p/3',
        stage: 'read',
        reason: `image path "../../llava/images/red.png" escapes the image root ${root} through ".."`,
      },
      { source: 'p', inputRef: `${paths}:5`, sampleId: 'p/4', stage: 'read', reason: `image file not found: "images/none.png" under ${root}` },
      { source: 'p', inputRef: `${paths}:6`, sampleId: 'p/5', stage: 'normalise', reason: 'no image (empty "image" and "image_path")' },
    ]);
  });
});

describe('the vlmevalkit-tsv adapter, unreadable files', () => {
  const folder = temporaryFolder();
  afterAll(folder.remove);

  it('throws, naming the file, when a column it needs is missing or the file is empty', async () => {
    const noAnswer = join(folder.path, 'test.tsv');
    writeFileSync(noAnswer, 'index\timage\tquestion\tA\tB\n0\tabc\tQ\tx\ty\n');
    await expect(collect({ name: 't', adapter: 'vlmevalkit-tsv', path: noAnswer })).rejects.toThrow(
      `${noAnswer} is not a VLMEvalKit TSV with ground truth: no answer column (found: index, image, question, A, B)`,
    );
    const empty = join(folder.path, 'empty.tsv');
    writeFileSync(empty, '');
    await expect(collect({ name: 't', adapter: 'vlmevalkit-tsv', path: empty })).rejects.toThrow(`${empty} is empty`);
  });
});
