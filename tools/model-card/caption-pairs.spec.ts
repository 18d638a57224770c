import { colourShapePairs, comparePairs } from './caption-pairs';

describe('caption pairs', () => {
  it('reads each colour-shape phrase, plurals made singular', () => {
    expect(colourShapePairs('The shapes are a red star, two blue circles and a black diamond. Star-like: green.')).toEqual(['red star', 'blue circle', 'black diamond']);
  });

  it('counts named pairs in the scene, shapes in the scene, and scene pairs found', () => {
    const reference = 'The image shows three shapes on a white background. They are a red star, a blue circle and a red square.';
    // named: red star (in), blue star (shape in, pair not), green triangle (neither), red star again (in)
    const counts = comparePairs('a red star, a blue star, a green triangle and a red star', reference);
    expect(counts).toEqual({ named: 4, inScene: 2, shapeInScene: 3, referencePairs: 3, found: 1 });
  });
});
