import { sourceFixture } from '../testing/fixtures/sources';
import { collect, NO_EXTRAS, realFixture } from './spec-helpers';

const path = sourceFixture('coco-captions', 'captions_val2017.json');
const imageRoot = sourceFixture('coco-captions', 'val2017');
const source = { name: 'coco', adapter: 'coco-captions', path, imageRoot };

const image139 = {
  ...NO_EXTRAS,
  id: 'coco/139',
  source: 'coco',
  task: 'open_ended',
  question: 'Describe this image in detail.',
  imagePath: realFixture('coco-captions', 'val2017', '000000000139.png'),
  imageWidth: 6,
  imageHeight: 5,
  metadata: '{"image":"000000000139.png","imageId":139}',
  inputRef: `${path}#images/0`,
};

describe('the coco-captions adapter', () => {
  it('gives one open-ended sample per image, its first caption the reference', async () => {
    const { samples } = await collect(source);
    expect(samples).toEqual([
      { ...image139, answer: 'A brown square of colour.' },
      {
        ...NO_EXTRAS,
        id: 'coco/285',
        source: 'coco',
        task: 'open_ended',
        question: 'Describe this image in detail.',
        answer: 'A blue tile.',
        imagePath: realFixture('coco-captions', 'val2017', '000000000285.png'),
        imageWidth: 5,
        imageHeight: 6,
        metadata: '{"image":"000000000285.png","imageId":285}',
        inputRef: `${path}#images/1`,
      },
    ]);
  });

  it('takes the longest caption, or all of them one per line, and another question', async () => {
    const longest = await collect({ ...source, options: { captions: 'longest', question: 'What does the picture show?' } });
    expect(longest.samples[0]).toEqual({
      ...image139,
      question: 'What does the picture show?',
      answer: 'A small brown image that is a little wider than it is tall.',
    });
    const joined = await collect({ ...source, options: { captions: 'joined' } });
    expect(joined.samples[0].answer).toBe('A brown square of colour.\nA small brown image that is a little wider than it is tall.');
  });

  it('rejects images without a file name or a caption, captions of unknown images, empty captions and escaping paths', async () => {
    const { rejections } = await collect(source);
    expect(rejections).toEqual([
      {
        source: 'coco',
        inputRef: `${path}#images/4`,
        sampleId: null,
        stage: 'normalise',
        reason: 'not an image {id, file_name}: {"license":1,"id":800}',
      },
      {
        source: 'coco',
        inputRef: `${path}#annotations/4`,
        sampleId: null,
        stage: 'normalise',
        reason: 'caption of image_id 1234, which is not in "images"',
      },
      {
        source: 'coco',
        inputRef: `${path}#annotations/5`,
        sampleId: null,
        stage: 'normalise',
        reason: 'not a caption {image_id, caption}: {"image_id":285,"id":6,"caption":""}',
      },
      { source: 'coco', inputRef: `${path}#images/2`, sampleId: 'coco/632', stage: 'normalise', reason: 'no caption of image_id 632' },
      {
        source: 'coco',
        inputRef: `${path}#images/3`,
        sampleId: 'coco/700',
        stage: 'read',
        reason: `image path "../../llava/images/red.png" escapes the image root ${imageRoot} through ".."`,
      },
    ]);
  });
});
