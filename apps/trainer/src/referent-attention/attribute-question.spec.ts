import { askedKind } from './attribute-question';

describe('askedKind', () => {
  it('reads the kind of both attribute templates', () => {
    expect(askedKind('Is the star red?')).toEqual({ colour: 'red', shape: 'star' });
    expect(askedKind('Is the green shape a circle?')).toEqual({ colour: 'green', shape: 'circle' });
    expect(askedKind(' Is the Purple shape a Diamond? ')).toEqual({ colour: 'purple', shape: 'diamond' });
  });

  it('is null for the other questions', () => {
    for (const question of ['Is there a red star in the image?', 'Is the red star to the left of the circle?', 'Are there exactly 2 stars?', 'Is the star red or blue?', 'Is the orange shape an octagon?']) {
      expect(askedKind(question)).toBeNull();
    }
  });
});
