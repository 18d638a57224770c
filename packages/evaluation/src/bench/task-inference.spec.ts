import { inferTask, isYesNoAnswer } from './task-inference';

const evidence = (overrides: Partial<Parameters<typeof inferTask>[0]>) => ({ benchmark: 'Bench', category: null, options: null, answer: 'cat', hasBox: false, ...overrides });

describe('task inference', () => {
  it('options -> multiple_choice, before anything else', () => {
    expect(inferTask(evidence({ options: ['a', 'b'], answer: 'yes', benchmark: 'ChartQA_TEST' }))).toBe('multiple_choice');
  });
  it('a box -> grounding', () => {
    expect(inferTask(evidence({ hasBox: true }))).toBe('grounding');
  });
  it('a ChartQA* benchmark or a chart category -> chart, even for a yes/no answer', () => {
    expect(inferTask(evidence({ benchmark: 'ChartQA_TEST', answer: 'Yes' }))).toBe('chart');
    expect(inferTask(evidence({ category: 'chart' }))).toBe('chart');
    expect(inferTask(evidence({ category: 'Charts and plots' }))).toBe('chart');
  });
  it('yes/no answers -> yes_no; anything else -> open_ended', () => {
    expect(inferTask(evidence({ answer: 'No.' }))).toBe('yes_no');
    expect(inferTask(evidence({ answer: 'nothing' }))).toBe('open_ended');
  });
  it('a yes/no answer is the whole word, any case, with at most a final . or !', () => {
    expect(['yes', 'YES', ' no ', 'No!', 'yes.'].every(isYesNoAnswer)).toBe(true);
    expect(['yes, it is', 'not', 'none', 'eyes', 'no no'].some(isYesNoAnswer)).toBe(false);
  });
});
