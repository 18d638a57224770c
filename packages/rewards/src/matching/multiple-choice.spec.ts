import { RewardInputError } from '../reward-input';
import { chosenOption, groundTruthOption, NO_CHOICE } from './multiple-choice';
import { loneLetters } from './option-letter';

const OPTIONS = ['a red cube', 'a blue sphere', 'two cats', 'none of these'];

describe('chosenOption: letters', () => {
  const cases: Array<[string, number]> = [
    ['B', 1],
    ['(B)', 1],
    ['B.', 1],
    ['B)', 1],
    ['B:', 1],
    ['b', 1],
    ['(c)', 2],
    ['Option B', 1],
    ['option: (D)', 3],
    ['Answer: C', 2],
    ['The answer is B', 1],
    ['The answer is B.', 1],
    ['the correct answer is (A)', 0],
    ['The best option would be D', 3],
    ['B. a blue sphere', 1],
    ['(C) two cats', 2],
    ['B) a blue sphere', 1],
    ['A. a red cube, not Vitamin C', 0],
    ['I think the answer is C', 2],
    ['A cat? No: the answer is D', 3],
    ['C and C again', 2],
    ['A is correct', 0],
  ];
  it.each(cases)('%j -> option %i', (answer, expected) => {
    expect(chosenOption(answer, OPTIONS)).toBe(expected);
  });
});

describe('chosenOption: no choice', () => {
  const cases: Array<[string, string]> = [
    ['two different letters', 'A or B'],
    ['two letters joined by "and"', 'A and C'],
    ['a list of letters', 'B, C'],
    ['a letter beyond the options', 'E'],
    ['a wrapped letter beyond the options', '(F)'],
    ['an empty answer', ''],
    ['text that is no option', 'a green pyramid'],
    ['lower-case letter inside a sentence', 'maybe b or c'],
  ];
  it.each(cases)('%s', (_name, answer) => {
    expect(chosenOption(answer, OPTIONS)).toBe(NO_CHOICE);
  });
});

describe('chosenOption: option text', () => {
  const cases: Array<[string, number]> = [
    ['a blue sphere', 1],
    ['A Blue Sphere.', 1],
    ['  two   cats  ', 2],
    ['None of these!', 3],
  ];
  it.each(cases)('%j -> option %i', (answer, expected) => {
    expect(chosenOption(answer, OPTIONS)).toBe(expected);
  });
});

describe('loneLetters', () => {
  it('reads "A" before a lower-case word as the article, not a letter', () => {
    expect(loneLetters('A red cube')).toEqual([]);
  });
  it('reads letters, deduplicated, in order of appearance', () => {
    expect(loneLetters('D, maybe B, or D')).toEqual(['D', 'B']);
  });
  it('ignores capitals inside words', () => {
    expect(loneLetters('ABC is DNA')).toEqual([]);
  });
});

describe('groundTruthOption', () => {
  it('takes a letter ground truth', () => {
    expect(groundTruthOption('s1', 'C', OPTIONS)).toBe(2);
  });
  it('takes a ground truth given as option text', () => {
    expect(groundTruthOption('s1', 'two cats', OPTIONS)).toBe(2);
  });
  it('rejects a ground truth that names no option, naming the sample', () => {
    expect(() => groundTruthOption('s7', 'F', OPTIONS)).toThrow(RewardInputError);
    expect(() => groundTruthOption('s7', 'F', OPTIONS)).toThrow(/sample "s7".*"F".*A\.\.D/);
  });
});
