import {
  answerLetter,
  fieldsForTask,
  formatBox,
  letterRange,
  parseBoxText,
  parseLetteredOptions,
  questionWithOptions,
  removeImageTokens,
  yesNoAnswer,
} from './normalise';

describe('yesNoAnswer', () => {
  it.each([
    ['Yes', 'yes'],
    ['no', 'no'],
    [' NO. ', 'no'],
    ['yes!', 'yes'],
  ])('reads %j as %j', (answer, expected) => {
    expect(yesNoAnswer(answer)).toBe(expected);
  });

  it.each(['Yes, it is.', 'not', 'none', 'eyes', 'yes no', ''])('does not read %j as yes or no', (answer) => {
    expect(yesNoAnswer(answer)).toBeNull();
  });
});

describe('removeImageTokens', () => {
  it("removes LLaVA's <image> tokens and the line break after each", () => {
    expect(removeImageTokens('<image>\nWhat is this?')).toBe('What is this?');
    expect(removeImageTokens('What is this?\n<image>')).toBe('What is this?');
    expect(removeImageTokens('Before\n<image>\nafter <image> end')).toBe('Before\nafter  end');
  });
});

describe('parseLetteredOptions', () => {
  it('parses "A." lines out of the question and keeps the rest', () => {
    expect(parseLetteredOptions('Which colour?\nA. Red\nB. Green\nC. Blue\nAnswer with the letter.')).toEqual({
      stem: 'Which colour?\nAnswer with the letter.',
      options: ['Red', 'Green', 'Blue'],
    });
  });

  it('parses "(A)" and "A)" lines, and drops an "Options:" header line', () => {
    expect(parseLetteredOptions('Pick one.\nOptions:\n(A) up\n(B) down')).toEqual({ stem: 'Pick one.', options: ['up', 'down'] });
    expect(parseLetteredOptions('Pick one.\nA) up\nB) down')).toEqual({ stem: 'Pick one.', options: ['up', 'down'] });
  });

  it('parses options written on one "Options:" line', () => {
    expect(parseLetteredOptions('Which word?\nContext: a swatch.\nOptions: (A) crimson (B) teal (C) ivory')).toEqual({
      stem: 'Which word?\nContext: a swatch.',
      options: ['crimson', 'teal', 'ivory'],
    });
  });

  it('finds no options unless at least two run from A with consecutive letters', () => {
    expect(parseLetteredOptions('A. only one')).toBeNull();
    expect(parseLetteredOptions('Q\nB. two\nC. three')).toBeNull();
    expect(parseLetteredOptions('Q\nA. one\nC. three')).toBeNull();
    expect(parseLetteredOptions('A cat. A dog.')).toBeNull();
    expect(parseLetteredOptions('Q\nA.\nB. text')).toBeNull();
  });
});

describe('answerLetter', () => {
  const options = ['Red', 'Green', 'Blue'];
  it.each([
    ['B', 'B'],
    ['(B)', 'B'],
    ['B.', 'B'],
    ['B)', 'B'],
    ['B. Green', 'B'],
    ['(B) green', 'B'],
    ['green.', 'B'],
    ['Z', 'Z'],
  ])('reads %j as %j', (answer, letter) => {
    expect(answerLetter(answer, options)).toBe(letter);
  });

  it.each(['B. Blue', 'Purple', 'b', 'The answer is B'])('finds no letter in %j', (answer) => {
    expect(answerLetter(answer, options)).toBeNull();
  });
});

describe('boxes', () => {
  it('parses [x1, y1, x2, y2] with integers, decimals and exponents, and writes it back', () => {
    expect(parseBoxText(' [1, 2.5, 3e1, -4] ')).toEqual([1, 2.5, 30, -4]);
    expect(parseBoxText('[1,2,3]')).toBeNull();
    expect(parseBoxText('(1, 2, 3, 4)')).toBeNull();
    expect(formatBox([0.5, 1, 3, 4])).toBe('[0.5, 1, 3, 4]');
  });
});

describe('fieldsForTask', () => {
  const asked = { text: 'Which?\nA. up\nB. down', lettered: { stem: 'Which?', options: ['up', 'down'] } };
  const plain = { text: 'Where is it?', lettered: null };

  it('normalises a yes/no answer, or says why it is not one', () => {
    expect(fieldsForTask('yes_no', plain, 'Yes.')).toEqual({ task: 'yes_no', question: 'Where is it?', options: null, answer: 'yes', answerBox: null });
    expect(fieldsForTask('yes_no', plain, 'maybe')).toEqual({ reason: 'answer "maybe" is not yes or no' });
  });

  it('gives a multiple-choice question without its option lines, and the letter', () => {
    expect(fieldsForTask('multiple_choice', asked, '(B)')).toEqual({
      task: 'multiple_choice',
      question: 'Which?',
      options: ['up', 'down'],
      answer: 'B',
      answerBox: null,
    });
    expect(fieldsForTask('multiple_choice', asked, 'C')).toEqual({ reason: 'answer "C" is not one of the option letters A-B' });
    expect(fieldsForTask('multiple_choice', plain, 'A')).toEqual({
      reason: 'multiple_choice needs lettered options (A, B, ...); the question has none',
    });
  });

  it('reads a grounding answer as a box with an area', () => {
    expect(fieldsForTask('grounding', plain, '[1,2, 3,4]')).toEqual({
      task: 'grounding',
      question: 'Where is it?',
      options: null,
      answer: '[1, 2, 3, 4]',
      answerBox: [1, 2, 3, 4],
    });
    expect(fieldsForTask('grounding', plain, 'top left')).toEqual({ reason: 'answer "top left" is not a box [x1, y1, x2, y2]' });
    expect(fieldsForTask('grounding', plain, '[3, 2, 3, 4]')).toEqual({ reason: 'box [3, 2, 3, 4] is empty (x2 <= x1 or y2 <= y1)' });
  });

  it('takes any answer for chart and open_ended, with the whole question', () => {
    expect(fieldsForTask('chart', asked, '12%')).toEqual({ task: 'chart', question: asked.text, options: null, answer: '12%', answerBox: null });
    expect(fieldsForTask('open_ended', asked, 'It goes up.')).toMatchObject({ task: 'open_ended', question: asked.text });
  });
});

describe('small helpers', () => {
  it('writes options under a question and names letter ranges', () => {
    expect(questionWithOptions('Q?', ['x', 'y'])).toBe('Q?\nA. x\nB. y');
    expect(letterRange(4)).toBe('A-D');
    expect(letterRange(26)).toBe('A-Z');
  });
});
