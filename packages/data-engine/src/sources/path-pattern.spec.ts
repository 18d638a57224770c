import { pathPattern } from './path-pattern';

describe('pathPattern', () => {
  it("zero-pads integers as Python's {image_id:012d} does", () => {
    const pattern = pathPattern('COCO_val2014_{image_id:012d}.jpg', 'test');
    expect(pattern.fields).toEqual(['image_id']);
    expect(pattern.format({ image_id: 42 })).toEqual({ path: 'COCO_val2014_000000000042.jpg' });
    expect(pattern.format({ image_id: 0 })).toEqual({ path: 'COCO_val2014_000000000000.jpg' });
    // A number longer than the width is not cut, as in Python.
    expect(pattern.format({ image_id: 1234567890123 })).toEqual({ path: 'COCO_val2014_1234567890123.jpg' });
    // A string of digits is an integer too.
    expect(pattern.format({ image_id: '73' })).toEqual({ path: 'COCO_val2014_000000000073.jpg' });
  });

  it('puts plain fields in as they are, several per pattern', () => {
    const pattern = pathPattern('{split}/{key}/{image}', 'test');
    expect(pattern.format({ split: 'train', key: '12', image: 'image.png' })).toEqual({ path: 'train/12/image.png' });
    expect(pathPattern('{split}2017/{image_id:012d}.jpg', 'test').format({ split: 'val', image_id: 9 })).toEqual({
      path: 'val2017/000000000009.jpg',
    });
    expect(pathPattern('{n:d}.png', 'test').format({ n: 5 })).toEqual({ path: '5.png' });
  });

  it('says which field is missing or not an integer', () => {
    const pattern = pathPattern('COCO_{image_id:012d}.jpg', 'test');
    expect(pattern.format({})).toEqual({ error: 'field "image_id" of image pattern "COCO_{image_id:012d}.jpg" is missing, not an integer >= 0' });
    expect(pattern.format({ image_id: -1 })).toEqual({ error: expect.stringContaining('is -1, not an integer >= 0') });
    expect(pattern.format({ image_id: 1.5 })).toEqual({ error: expect.stringContaining('is 1.5, not an integer >= 0') });
    expect(pathPattern('{image}', 'test').format({ image: null })).toEqual({
      error: 'field "image" of image pattern "{image}" is null',
    });
  });

  it('throws, naming the setting, on a placeholder it does not support', () => {
    expect(() => pathPattern('{image_id:>12}.jpg', 'option "imagePattern"')).toThrow(
      'option "imagePattern": placeholder "{image_id:>12}" in pattern "{image_id:>12}.jpg" must be {field} or {field:0Nd}',
    );
    expect(() => pathPattern('{image_id:12d}.jpg', 'x')).toThrow(/must be \{field\} or \{field:0Nd\}/);
    expect(() => pathPattern('{}.jpg', 'x')).toThrow(/placeholder "\{\}"/);
    expect(() => pathPattern('{image_id.jpg', 'x')).toThrow('x: unbalanced brace in pattern "{image_id.jpg"');
  });
});
