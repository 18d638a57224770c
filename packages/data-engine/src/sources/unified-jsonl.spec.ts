import { readFileSync } from 'node:fs';
import { sourceFixture } from '../testing/fixtures/sources';
import { collect, NO_EXTRAS, realFixture } from './spec-helpers';
import { UNIFIED_FIELDS } from './unified-jsonl';

const path = sourceFixture('unified-jsonl', 'samples.jsonl');
const root = sourceFixture('unified-jsonl');

describe('the unified-jsonl adapter', () => {
  it('reads samples with the sample schema field names, the image by path or base64', async () => {
    const { samples } = await collect({ name: 'mine', adapter: 'unified-jsonl', path });
    expect(samples).toEqual([
      {
        ...NO_EXTRAS,
        id: 'mine/mc-1',
        source: 'mine',
        task: 'multiple_choice',
        question: 'Which colour fills the image?',
        options: ['red', 'green'],
        answer: 'B',
        imagePath: realFixture('unified-jsonl', 'images', 'u-1.png'),
        solution: '<think>The image is green.</think><answer>B</answer>',
        // The line's own "source" is kept in the metadata.
        metadata: '{"origin":"hand-written","originalSource":"unified"}',
        inputRef: `${path}:1`,
      },
      {
        ...NO_EXTRAS,
        id: 'mine/2',
        source: 'mine',
        task: 'grounding',
        question: 'Locate the green area.',
        answer: '[0, 0, 4, 2]',
        answerBox: [0, 0, 4, 2],
        imageBytes: new Uint8Array(readFileSync(sourceFixture('unified-jsonl', 'images', 'u-1.png'))),
        imageWidth: 4,
        imageHeight: 2,
        metadata: '{"origin":"object metadata","originalSource":"elsewhere"}',
        inputRef: `${path}:2`,
      },
    ]);
  });

  it('rejects each line whose fields have the wrong names or types, naming the field', async () => {
    const { rejections } = await collect({ name: 'mine', adapter: 'unified-jsonl', path });
    const rejection = (line: number, id: string | null, stage: string, reason: string) => ({
      source: 'mine',
      inputRef: `${path}:${line}`,
      sampleId: id === null ? null : `mine/${id}`,
      stage,
      reason,
    });
    expect(rejections).toEqual([
      rejection(3, 'snake', 'normalise', `unknown field(s) "answer_box"; valid fields: ${UNIFIED_FIELDS.join(', ')}`),
      rejection(4, null, 'read', expect.stringMatching(/^not valid JSON \(/)),
      rejection(5, 'bad-task', 'normalise', '"task" must be one of yes_no, multiple_choice, chart, grounding, open_ended, found "counting"'),
      rejection(6, 'two-images', 'normalise', 'give exactly one of "imagePath" and "imageBase64"'),
      rejection(7, 'escape', 'read', `image path "../llava/images/red.png" escapes the image root ${root} through ".."`),
      rejection(8, 'bad-options', 'normalise', '"options" must be an array of strings or null, found ["a",2]'),
      rejection(9, 'bad-size', 'normalise', '"imageWidth" must be a positive integer, found 0'),
      rejection(10, 'bad-metadata', 'normalise', '"metadata" must be JSON text or an object, found text that is not JSON: "{not json"'),
      rejection(11, 'bad-base64', 'read', 'the image is not valid base64 (10 characters, starting "notbase64!")'),
      rejection(12, null, 'normalise', 'line is not a JSON object: ["an","array"]'),
      rejection(13, 'mc-1', 'normalise', `duplicate sample id "mine/mc-1" (first given by ${path}:1)`),
    ]);
  });

  it('takes no options', async () => {
    await expect(collect({ name: 'mine', adapter: 'unified-jsonl', path, options: { task: 'chart' } })).rejects.toThrow(
      'source "mine" (adapter unified-jsonl): unknown option "task"; valid options: none',
    );
  });
});
