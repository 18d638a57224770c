import { extractAnswer } from './extract-answer';

describe('extractAnswer', () => {
  const cases: Array<[string, string, string]> = [
    ['a plain answer block', '<think>x</think><answer>B</answer>', 'B'],
    ['trims the content', '<answer>  yes \n</answer>', 'yes'],
    ['spans lines', '<answer>line one\nline two</answer>', 'line one\nline two'],
    ['upper-case tags', '<ANSWER>42</ANSWER>', '42'],
    ['mixed-case tags', '<Answer>42</aNsWeR>', '42'],
    ['the last of several blocks', '<answer>A</answer> wait <answer>C</answer>', 'C'],
    ['the last pair when an unclosed block follows', '<answer>A</answer><answer>B', 'A'],
    ['the innermost open tag before the last close', '<answer>x <answer>y</answer>', 'y'],
    ['an empty block', '<think>hmm</think><answer></answer>', ''],
    ['without answer tags: the text minus thinking', '<think>reasoning</think> The answer is 7.', 'The answer is 7.'],
    ['removes every think block', '<think>a</think>one<think>b</think>two', 'onetwo'],
    ['keeps an unclosed think as text', '<think>never closed', '<think>never closed'],
    ['plain text is its own answer', '  no  ', 'no'],
    ['the empty completion', '', ''],
    ['a close tag without an open tag', 'yes</answer>', 'yes</answer>'],
    ['unicode content', '<answer>café ☕ 东京</answer>', 'café ☕ 东京'],
    ['a dotted capital I before the tag', 'İİ<answer>ok</answer>', 'ok'],
  ];
  it.each(cases)('%s', (_name, completion, expected) => {
    expect(extractAnswer(completion)).toBe(expected);
  });
});
