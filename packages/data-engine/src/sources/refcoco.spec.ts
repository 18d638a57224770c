import { sourceFixture } from '../testing/fixtures/sources';
import { cornersOf } from './refcoco';
import { collect, NO_EXTRAS, realFixture } from './spec-helpers';

const exported = sourceFixture('refcoco', 'refcoco_val.jsonl');
const refs = sourceFixture('refcoco', 'refs.json');
const imageRoot = sourceFixture('refcoco', 'images');
const image9 = realFixture('refcoco', 'images', 'COCO_train2014_000000000009.png');
const image25 = realFixture('refcoco', 'images', 'COCO_train2014_000000000025.png');
const question = (expression: string) => `Locate ${expression} in the image and give its bounding box [x1, y1, x2, y2].`;

describe('cornersOf', () => {
  it('converts COCO [x, y, w, h] to [x, y, x + w, y + h]', () => {
    expect(cornersOf([1.25, 0.5, 3.5, 2.25], 'xywh')).toEqual([1.25, 0.5, 4.75, 2.75]);
    // 0.1 + 0.2 is 0.30000000000000004 in floating point: the corner is rounded to 0.3.
    expect(cornersOf([0.1, 0.2, 0.2, 0.1], 'xywh')).toEqual([0.1, 0.2, 0.3, 0.3]);
  });

  it('rejects w <= 0 or h <= 0, and anything that is not 4 finite numbers', () => {
    expect(cornersOf([2, 2, 0, 3], 'xywh')).toEqual({ reason: 'box [x, y, w, h] = [2,2,0,3] has w <= 0 or h <= 0' });
    expect(cornersOf([2, 2, 3, -1], 'xywh')).toEqual({ reason: 'box [x, y, w, h] = [2,2,3,-1] has w <= 0 or h <= 0' });
    expect(cornersOf([1, 2, 3], 'xywh')).toEqual({ reason: '"bbox" must be 4 finite numbers, found [1,2,3]' });
    expect(cornersOf([1, 2, 3, '4'], 'xywh')).toEqual({ reason: '"bbox" must be 4 finite numbers, found [1,2,3,"4"]' });
  });

  it('takes [x1, y1, x2, y2] as it is with boxFormat xyxy, rejecting an empty box', () => {
    expect(cornersOf([1, 2, 3, 4], 'xyxy')).toEqual([1, 2, 3, 4]);
    expect(cornersOf([3, 2, 3, 4], 'xyxy')).toEqual({ reason: 'box [3,2,3,4] is empty (x2 <= x1 or y2 <= y1)' });
  });
});

describe('the refcoco adapter, export form', () => {
  it('gives one grounding sample per referring expression, the box converted to corners', async () => {
    const { samples } = await collect({ name: 'refcoco', adapter: 'refcoco', path: exported, imageRoot });
    const first = {
      ...NO_EXTRAS,
      source: 'refcoco',
      task: 'grounding',
      answer: '[1.25, 0.5, 4.75, 2.75]',
      answerBox: [1.25, 0.5, 4.75, 2.75],
      imagePath: image9,
      imageWidth: 8,
      imageHeight: 6,
      inputRef: `${exported}:1`,
    };
    expect(samples).toEqual([
      {
        ...first,
        id: 'refcoco/41',
        question: question('left blue box'),
        metadata:
          '{"image":"COCO_train2014_000000000009.png","refId":"41","expression":"left blue box","split":"val","annId":1001,"category":"box"}',
      },
      {
        ...first,
        id: 'refcoco/41#1',
        question: question('the box'),
        metadata: '{"image":"COCO_train2014_000000000009.png","refId":"41","expression":"the box","split":"val","annId":1001,"category":"box"}',
      },
      {
        ...NO_EXTRAS,
        id: 'refcoco/r-2',
        source: 'refcoco',
        task: 'grounding',
        question: question('the yellow thing'),
        answer: '[0.1, 0.2, 0.3, 0.3]',
        answerBox: [0.1, 0.2, 0.3, 0.3],
        imagePath: image25,
        metadata: '{"image":"COCO_train2014_000000000025.png","refId":"r-2","expression":"the yellow thing","split":"testA"}',
        inputRef: `${exported}:2`,
      },
    ]);
  });

  it('rejects empty boxes, malformed boxes, entries without an expression and escaping images', async () => {
    const { rejections } = await collect({ name: 'r', adapter: 'refcoco', path: exported, imageRoot });
    expect(rejections).toEqual([
      { source: 'r', inputRef: `${exported}:3`, sampleId: 'r/43', stage: 'normalise', reason: 'box [x, y, w, h] = [2,2,0,3] has w <= 0 or h <= 0' },
      { source: 'r', inputRef: `${exported}:4`, sampleId: 'r/44', stage: 'normalise', reason: '"bbox" must be 4 finite numbers, found [2,2,3]' },
      {
        source: 'r',
        inputRef: `${exported}:5`,
        sampleId: null,
        stage: 'normalise',
        reason: 'no referring expression (sentences / expressions / expression / sent)',
      },
      {
        source: 'r',
        inputRef: `${exported}:6`,
        sampleId: 'r/46',
        stage: 'read',
        reason: `image path "../../chartqa/png/bar-1.png" escapes the image root ${imageRoot} through ".."`,
      },
    ]);
  });

  it('keeps the first expression only, a chosen split, and a custom question', async () => {
    const { samples, rejections } = await collect({
      name: 'r',
      adapter: 'refcoco',
      path: exported,
      imageRoot,
      options: { sentences: 'first', split: 'val', question: 'Where is "{expression}"?' },
    });
    expect(samples.map((sample) => [sample.id, sample.question])).toEqual([['r/41', 'Where is "left blue box"?']]);
    expect(rejections[0]).toEqual({
      source: 'r',
      inputRef: `${exported}:2`,
      sampleId: 'r/r-2',
      stage: 'normalise',
      reason: 'split "testA", not the selected split "val"',
    });
  });
});

describe('the refcoco adapter, REFER refs with instances.json', () => {
  it("takes each ref's box and image from the instances, by ann_id and image_id", async () => {
    const { samples, rejections } = await collect({
      name: 'refcoco-unc',
      adapter: 'refcoco',
      path: refs,
      imageRoot,
      options: { instances: 'instances.json' },
    });
    const man = {
      ...NO_EXTRAS,
      source: 'refcoco-unc',
      task: 'grounding',
      // instances.json annotation 5001: bbox [0.5, 1.0, 2.5, 3.0].
      answer: '[0.5, 1, 3, 4]',
      answerBox: [0.5, 1, 3, 4],
      imagePath: image9,
      imageWidth: 8,
      imageHeight: 6,
      inputRef: `${refs}#0`,
    };
    expect(samples).toEqual([
      {
        ...man,
        id: 'refcoco-unc/1',
        question: question('man on left'),
        metadata:
          '{"image":"COCO_train2014_000000000009.png","refId":"1","expression":"man on left","split":"train","annId":5001,"category":"person"}',
      },
      {
        ...man,
        id: 'refcoco-unc/1#1',
        question: question('left guy'),
        metadata:
          '{"image":"COCO_train2014_000000000009.png","refId":"1","expression":"left guy","split":"train","annId":5001,"category":"person"}',
      },
      {
        ...NO_EXTRAS,
        id: 'refcoco-unc/2',
        source: 'refcoco-unc',
        task: 'grounding',
        question: question('yellow car'),
        answer: '[1, 2, 5, 7.5]',
        answerBox: [1, 2, 5, 7.5],
        imagePath: image25,
        imageWidth: 6,
        imageHeight: 8,
        metadata: '{"image":"COCO_train2014_000000000025.png","refId":"2","expression":"yellow car","split":"testB","annId":5002,"category":"car"}',
        inputRef: `${refs}#1`,
      },
    ]);
    expect(rejections).toEqual([
      {
        source: 'refcoco-unc',
        inputRef: `${refs}#2`,
        sampleId: null,
        stage: 'normalise',
        reason: `ann_id 5999 is not an annotation of ${sourceFixture('refcoco', 'instances.json')}`,
      },
    ]);
  });

  it('throws, naming the file, when the instances file cannot be read, or the refs are still a pickle', async () => {
    const missing = sourceFixture('refcoco', 'missing-instances.json');
    await expect(collect({ name: 'r', adapter: 'refcoco', path: refs, options: { instances: missing } })).rejects.toThrow(
      `cannot read instances file ${missing}`,
    );
    const pickle = sourceFixture('refcoco', 'refs(unc).p');
    await expect(collect({ name: 'r', adapter: 'refcoco', path: pickle, options: { instances: 'instances.json' } })).rejects.toThrow(
      `cannot read annotation file ${pickle}: a Python pickle; convert it to JSON first (see the sources README)`,
    );
  });
});
