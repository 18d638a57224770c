import { GENERATORS } from '@mixed-r1/data-engine';
import { createQwenProcessor } from '@mixed-r1/vision';
import { sceneOfSample, tokenLabels, type LabelledScene } from './scene-token-labels';

const metadata = (scene: unknown) => JSON.stringify({ generator: 'yes-no', scene });

describe('tokenLabels', () => {
  // A 112 x 112 scene seen at 56 x 56: 2 x 2 tokens of 28 px, token centres at (14, 14), (42, 14), (14, 42), (42, 42).
  const scene: LabelledScene = {
    size: [112, 112],
    objects: [
      // input box [0, 0, 30, 30]: holds the centre of token 0
      { shape: 'circle', colour: 'red', box: [0, 0, 60, 60] },
      // input box [30, 40, 38, 48]: holds no token centre; its own centre (34, 44) is in token 3
      { shape: 'star', colour: 'blue', box: [60, 80, 76, 96] },
    ],
  };

  it('labels the tokens whose centre an object covers, and the token of each object centre', () => {
    const labels = tokenLabels(scene, [56, 56], 28);
    // circle = 1, star = 4; red = 1, blue = 5; 0 = background
    expect([...labels.shape]).toEqual([1, 0, 0, 4]);
    expect([...labels.colour]).toEqual([1, 0, 0, 5]);
  });

  it('orders tokens by rows of the merged grid', () => {
    // 56 x 28 input: one row of two tokens; the object sits in the right one
    const wide: LabelledScene = { size: [200, 100], objects: [{ shape: 'diamond', colour: 'black', box: [110, 10, 190, 90] }] };
    const labels = tokenLabels(wide, [56, 28], 28);
    expect([...labels.shape]).toEqual([0, 5]);
    expect([...labels.colour]).toEqual([0, 8]);
  });

  it('refuses an input frame that is not whole tokens', () => {
    expect(() => tokenLabels(scene, [56, 50], 28)).toThrow('input 56x50 is not a whole number of 28-px tokens');
  });

  it('gives every object of real generated scenes at least one token, in its own shape and colour', async () => {
    const processor = createQwenProcessor({ minPixels: 3136, maxPixels: 50176 });
    for (const generator of [GENERATORS['yes-no'], GENERATORS['open-ended'], GENERATORS.grounding]) {
      for (let index = 0; index < 5; index++) {
        const sample = await generator.generate(3, index);
        const found = sceneOfSample(sample)!;
        const labels = tokenLabels(found, processor.inputSize([sample.imageWidth, sample.imageHeight]), 28);
        const labelled = new Set([...labels.shape].map((s, t) => `${s}/${labels.colour[t]}`).filter((key) => key !== '0/0'));
        const expected = new Set(found.objects.map((o) => `${['circle', 'square', 'triangle', 'star', 'diamond'].indexOf(o.shape) + 1}/${['red', 'orange', 'yellow', 'green', 'blue', 'purple', 'brown', 'black'].indexOf(o.colour) + 1}`));
        // two small look-alikes may share a token, so the labelled kinds are the scene's kinds
        expect(labelled).toEqual(expected);
      }
    }
  });
});

describe('sceneOfSample', () => {
  it('reads the scene of a procedural sample', () => {
    const scene = sceneOfSample({ id: 'a', metadata: metadata({ width: 10, height: 20, objects: [{ shape: 'square', colour: 'green', box: [1, 2, 3, 4] }] }) });
    expect(scene).toEqual({ size: [10, 20], objects: [{ shape: 'square', colour: 'green', box: [1, 2, 3, 4] }] });
  });

  it('gives null for a sample without a scene (a chart, a real source, metadata that is not JSON)', () => {
    expect(sceneOfSample({ id: 'chart', metadata: JSON.stringify({ chart: { kind: 'bar' } }) })).toBeNull();
    expect(sceneOfSample({ id: 'real', metadata: 'not json' })).toBeNull();
  });

  it('names the sample and the object of a malformed scene', () => {
    expect(() => sceneOfSample({ id: 's1', metadata: metadata({ width: 10, height: 20, objects: [{ shape: 'hexagon', colour: 'green', box: [1, 2, 3, 4] }] }) })).toThrow(
      'sample "s1": metadata scene: object 0 has shape "hexagon"',
    );
    expect(() => sceneOfSample({ id: 's2', metadata: metadata({ width: 10, height: 20, objects: [{ shape: 'star', colour: 'green', box: [1, 2, 3] }] }) })).toThrow(
      'sample "s2": metadata scene: object 0 has box [1,2,3]',
    );
    expect(() => sceneOfSample({ id: 's3', metadata: metadata({ width: '10', objects: [] }) })).toThrow('sample "s3": metadata scene needs numeric width and height');
  });
});
