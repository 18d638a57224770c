import { sourceFixture } from '../testing/fixtures/sources';
import { collect, NO_EXTRAS, realFixture } from './spec-helpers';

const path = sourceFixture('chartqa', 'test_human.json');
const root = sourceFixture('chartqa');

describe('the chartqa adapter', () => {
  it('gives chart samples numbered by their place, images under png/, question and answer trimmed', async () => {
    const { samples } = await collect({ name: 'chartqa-human', adapter: 'chartqa', path });
    expect(samples).toEqual([
      {
        ...NO_EXTRAS,
        id: 'chartqa-human/0',
        source: 'chartqa-human',
        task: 'chart',
        question: 'What was the revenue in 2019 (in million USD)?',
        answer: '12.5',
        imagePath: realFixture('chartqa', 'png', 'bar-1.png'),
        metadata: '{"imgname":"bar-1.png"}',
        inputRef: `${path}#0`,
      },
      {
        ...NO_EXTRAS,
        id: 'chartqa-human/1',
        source: 'chartqa-human',
        task: 'chart',
        question: 'How many bars are taller than 10?',
        // A numeric label becomes its text.
        answer: '4',
        imagePath: realFixture('chartqa', 'png', 'bar-2.png'),
        metadata: '{"imgname":"bar-2.png"}',
        inputRef: `${path}#1`,
      },
    ]);
  });

  it('rejects an empty label, an escaping or missing image, an entry that is not JSON or not an object', async () => {
    const { rejections } = await collect({ name: 'c', adapter: 'chartqa', path });
    expect(rejections).toEqual([
      { source: 'c', inputRef: `${path}#2`, sampleId: 'c/2', stage: 'normalise', reason: 'missing or empty label' },
      {
        source: 'c',
        inputRef: `${path}#3`,
        sampleId: 'c/3',
        stage: 'read',
        reason: `image path "png/../../llava/images/red.png" escapes the image root ${root} through ".."`,
      },
      { source: 'c', inputRef: `${path}#4`, sampleId: 'c/4', stage: 'read', reason: `image file not found: "png/bar-9.png" under ${root}` },
      { source: 'c', inputRef: `${path}#5`, sampleId: null, stage: 'read', reason: expect.stringMatching(/^not valid JSON \(/) },
      { source: 'c', inputRef: `${path}#6`, sampleId: 'c/6', stage: 'normalise', reason: 'entry is not an object: "not an entry"' },
    ]);
  });

  it('reads images from option imageDir under the image root', async () => {
    const { samples, rejections } = await collect({
      name: 'c',
      adapter: 'chartqa',
      path,
      imageRoot: sourceFixture('llava'),
      options: { imageDir: 'images' },
    });
    expect(rejections[0]).toMatchObject({ reason: `image file not found: "images/bar-1.png" under ${sourceFixture('llava')}` });
    // "images/../../llava/images/red.png" climbs out of images/ but ends inside this root: it is read.
    expect(samples.map((sample) => [sample.id, sample.imagePath])).toEqual([['c/3', realFixture('llava', 'images', 'red.png')]]);
  });

  it('refuses an absolute imageDir', async () => {
    await expect(collect({ name: 'c', adapter: 'chartqa', path, options: { imageDir: '/tmp' } })).rejects.toThrow(
      'source "c" (adapter chartqa): option "imageDir" must be relative to the image root',
    );
  });
});
