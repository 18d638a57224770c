import { formatReward } from './format-reward';

describe('formatReward', () => {
  const cases: Array<[string, string, 0 | 1]> = [
    ['think then answer', '<think>because</think><answer>B</answer>', 1],
    ['whitespace around and between', '  \n<think>a</think>\n\n<answer>b</answer>\n ', 1],
    ['multi-line contents', '<think>l1\nl2</think><answer>x\ny</answer>', 1],
    ['tags in any case', '<THINK>a</Think><Answer>b</ANSWER>', 1],
    ['empty contents still have the shape', '<think></think><answer></answer>', 1],
    ['no think block', '<answer>B</answer>', 0],
    ['no answer block', '<think>a</think> B', 0],
    ['answer before think', '<answer>B</answer><think>a</think>', 0],
    ['text before think', 'Sure! <think>a</think><answer>B</answer>', 0],
    ['text between the blocks', '<think>a</think> so <answer>B</answer>', 0],
    ['text after the answer', '<think>a</think><answer>B</answer> done', 0],
    ['two answer blocks', '<think>a</think><answer>B</answer><answer>C</answer>', 0],
    ['two think blocks', '<think>a</think><think>b</think><answer>B</answer>', 0],
    ['a nested think tag', '<think>a<think>b</think><answer>B</answer>', 0],
    ['an answer tag inside thinking', '<think>use <answer> tags</think><answer>B</answer>', 0],
    ['unclosed answer', '<think>a</think><answer>B', 0],
    ['unclosed think', '<think>a<answer>B</answer>', 0],
    ['the empty completion', '', 0],
    ['plain text', 'yes', 0],
    ['misspelled tag', '<thinking>a</thinking><answer>B</answer>', 0],
  ];
  it.each(cases)('%s', (_name, completion, expected) => {
    expect(formatReward(completion)).toBe(expected);
  });
});
