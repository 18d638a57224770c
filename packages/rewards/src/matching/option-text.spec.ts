import { normaliseOptionText, optionIndexByText } from './option-text';

const OPTIONS = ['Red cube', 'two  cats', 'A tree.', 'Café', ''];

describe('normaliseOptionText', () => {
  it.each([
    ['  Two   Cats! ', 'two cats'],
    ['A tree.', 'a tree'],
    ['Café', 'café'],
    ['done?!.', 'done'],
    ['a.b', 'a.b'],
    ['\t', ''],
  ])('%j -> %j', (text, expected) => {
    expect(normaliseOptionText(text)).toBe(expected);
  });
});

describe('optionIndexByText', () => {
  it.each([
    ['red cube', 0],
    ['RED CUBE', 0],
    [' red \n cube . ', 0],
    ['two cats', 1],
    ['a tree', 2],
    ['A tree!!', 2],
    ['CAFÉ', 3],
    ['red', -1],
    ['red cubes', -1],
    ['red cube x', -1],
    ['', -1],
    ['...', -1],
  ])('%j -> %i', (answer, expected) => {
    expect(optionIndexByText(answer, OPTIONS)).toBe(expected);
  });

  it('agrees with comparing the normalised texts on a sweep of variants', () => {
    const variants = ['red cube', 'Red  cube.', ' red cube ', 'red cube !', 'red. cube', 'redcube', 'red cube,x', 'two cats', 'two cats?'];
    for (const answer of variants) {
      const expected = OPTIONS.findIndex((option) => normaliseOptionText(option).length > 0 && normaliseOptionText(option) === normaliseOptionText(answer));
      expect({ answer, index: optionIndexByText(answer, OPTIONS) }).toEqual({ answer, index: expected });
    }
  });
});
