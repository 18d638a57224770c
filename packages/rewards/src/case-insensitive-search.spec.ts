import { countIgnoringCase, indexOfIgnoringCase, lastIndexOfIgnoringCase } from './case-insensitive-search';

describe('case-insensitive tag search', () => {
  const text = 'a<Answer>b</ANSWER>c<answer>d</answer>';
  it.each([
    ['first tag', '<answer>', 0, 1],
    ['first tag after a start', '<answer>', 2, 20],
    ['a closing tag', '</answer>', 0, 10],
    ['a word tag (letters first)', 'answer', 0, 2],
    ['nothing after the end', '</answer>', 30, -1],
    ['absent tag', '<think>', 0, -1],
  ])('indexOf: %s', (_name, tag, from, expected) => {
    expect(indexOfIgnoringCase(text, tag as string, from as number)).toBe(expected);
  });
  it.each([
    ['last tag', '<answer>', text.length, 20],
    ['last tag before an index', '<answer>', 19, 1],
    ['last closing tag', '</answer>', text.length, 29],
    ['a word tag', 'answer', text.length, 31],
    ['none before 0', '<answer>', 0, -1],
  ])('lastIndexOf: %s', (_name, tag, before, expected) => {
    expect(lastIndexOfIgnoringCase(text, tag as string, before as number)).toBe(expected);
  });
  it('counts non-overlapping occurrences in any case', () => {
    expect(countIgnoringCase(text, '<answer>')).toBe(2);
    expect(countIgnoringCase('<<think><THINK>', '<think>')).toBe(2);
    expect(countIgnoringCase('', '<think>')).toBe(0);
  });
  it('does not match a tag cut off by the end of the text', () => {
    expect(indexOfIgnoringCase('x<answe', '<answer>')).toBe(-1);
    expect(lastIndexOfIgnoringCase('<answe', '<answer>')).toBe(-1);
  });
});
