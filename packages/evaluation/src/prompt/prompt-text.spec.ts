import { FORMAT_INSTRUCTION, promptText, questionText } from './prompt-text';
import { evalPromptOf } from './eval-prompt';
import type { BenchRow } from '../bench/bench-row';

describe('prompt text (shared with training)', () => {
  it('writes a multiple-choice question with one "A. text" line per option, after its hint', () => {
    expect(questionText({ question: 'What colour?', options: ['red', 'blue'], hint: 'Look at the square.' })).toBe('Hint: Look at the square.\nWhat colour?\nA. red\nB. blue');
  });

  it('leaves other questions as written', () => {
    expect(questionText({ question: 'Is it red?' })).toBe('Is it red?');
    expect(questionText({ question: 'Is it red?', options: null, hint: null })).toBe('Is it red?');
  });

  it('puts the format instruction on its own line (the default template), or nothing', () => {
    expect(promptText({ question: 'Is it red?' })).toBe(`Is it red?\n${FORMAT_INSTRUCTION}`);
    expect(promptText({ question: 'Is it red?' }, { instruction: null })).toBe('Is it red?');
    expect(FORMAT_INSTRUCTION).toContain('<think> </think>');
    expect(FORMAT_INSTRUCTION).toContain('<answer> </answer>');
  });

  it('makes a row\'s prompt with its id, image and (when the template sets one) system message', () => {
    const row: BenchRow = {
      benchmark: 'B', index: '7', task: 'multiple_choice', category: 'c', question: 'Q?', hint: null, options: ['x', 'y'], answer: 'A', box: null,
      image: { kind: 'path', path: '/i.png' }, origin: { file: 'B.tsv', line: 2 },
    };
    expect(evalPromptOf(row)).toEqual({ id: 'B/7', text: `Q?\nA. x\nB. y\n${FORMAT_INSTRUCTION}`, image: row.image });
    expect(evalPromptOf(row, { instruction: null, system: null })).toEqual({ id: 'B/7', text: 'Q?\nA. x\nB. y', image: row.image, system: null });
  });
});
