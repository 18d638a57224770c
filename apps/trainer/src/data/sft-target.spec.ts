import { chosenOption, formatReward, extractAnswer, parseBox } from '@mixed-r1/rewards';
import type { SampleRow } from '@mixed-r1/records';
import { sftTarget } from './sft-target';

const OPTIONS = { thinkSentences: 1, answerSentences: 2 };

function sample(extra: Partial<SampleRow>): SampleRow {
  return {
    id: 's',
    source: 'test',
    task: 'yes_no',
    question: 'q',
    options: null,
    answer: 'yes',
    answerBox: null,
    imageBytes: null,
    imagePath: 'x.png',
    imageWidth: 200,
    imageHeight: 100,
    solution: '<think>First fact. Second fact.</think><answer>yes</answer>',
    metadata: null,
    ...extra,
  };
}

describe('sftTarget', () => {
  it('keeps the first sentence of the thinking and the answer, in the R1 layout', () => {
    const target = sftTarget(sample({}), [200, 100], OPTIONS);
    expect(target).toBe('<think>First fact.</think><answer>yes</answer>');
    expect(formatReward(target)).toBe(1);
  });

  it('leaves the thinking empty with thinkSentences -1', () => {
    expect(sftTarget(sample({}), [200, 100], { thinkSentences: -1, answerSentences: 2 })).toBe('<think></think><answer>yes</answer>');
  });

  it('keeps the whole thinking for the task types in fullThinkTasks, the first sentences for the others', () => {
    const options = { ...OPTIONS, fullThinkTasks: ['yes_no'] };
    expect(sftTarget(sample({}), [200, 100], options)).toBe('<think>First fact. Second fact.</think><answer>yes</answer>');
    const chart = sample({ task: 'chart', answer: '7', solution: '<think>Bars. So 7.</think><answer>7</answer>' });
    expect(sftTarget(chart, [200, 100], options)).toBe('<think>Bars.</think><answer>7</answer>');
  });

  it('leaves the thinking empty for the task types in emptyThinkTasks, whatever the others keep', () => {
    const options = { ...OPTIONS, thinkSentences: 0, emptyThinkTasks: ['yes_no'], fullThinkTasks: ['chart'] };
    expect(sftTarget(sample({}), [200, 100], options)).toBe('<think></think><answer>yes</answer>');
    const chart = sample({ task: 'chart', answer: '7', solution: '<think>Bars. So 7.</think><answer>7</answer>' });
    expect(sftTarget(chart, [200, 100], options)).toBe('<think>Bars. So 7.</think><answer>7</answer>');
    expect(() => sftTarget(sample({}), [200, 100], { ...OPTIONS, emptyThinkTasks: ['yes_no'], fullThinkTasks: ['yes_no'] })).toThrow(
      /"yes_no" is in both fullThinkTasks and emptyThinkTasks/,
    );
  });

  it("answers multiple choice with the option's text on request, without the sentence naming its letter", () => {
    const question = sample({
      task: 'multiple_choice',
      question: 'What colour is the star?',
      options: ['purple', 'red', 'brown', 'green'],
      answer: 'B',
      solution: '<think>There is only one star in the image, and it is red. That is option B, "red".</think><answer>B</answer>',
    });
    const byText = sftTarget(question, [200, 100], { ...OPTIONS, fullThinkTasks: ['multiple_choice'], optionAnswers: 'text' });
    expect(byText).toBe('<think>There is only one star in the image, and it is red.</think><answer> red</answer>');
    // the matching reward reads the text as option B, as it reads the letter
    expect(chosenOption(extractAnswer(byText), ['purple', 'red', 'brown', 'green'])).toBe(1);
    expect(sftTarget(question, [200, 100], { ...OPTIONS, fullThinkTasks: ['multiple_choice'] })).toBe(
      '<think>There is only one star in the image, and it is red. That is option B, "red".</think><answer>B</answer>',
    );
    // other task types keep their answers
    expect(sftTarget(sample({}), [200, 100], { ...OPTIONS, optionAnswers: 'text' })).toBe('<think>First fact.</think><answer>yes</answer>');
    expect(() => sftTarget({ ...question, answer: 'F', solution: null }, [200, 100], { ...OPTIONS, optionAnswers: 'text' })).toThrow(/sample "s": its answer "F" names none of its options/);
  });

  it('writes a grounding box in the model-input frame', () => {
    // [20, 20, 60, 60] in a 200x100 image seen at 100x50 is [10, 10, 30, 30].
    const grounding = sample({ task: 'grounding', answer: '[20, 20, 60, 60]', answerBox: [20, 20, 60, 60], solution: '<think>It is there.</think><answer>[20, 20, 60, 60]</answer>' });
    const target = sftTarget(grounding, [100, 50], OPTIONS);
    expect(parseBox(extractAnswer(target))).toEqual([10, 10, 30, 30]);
  });

  it('shortens an open-ended reference to its first sentences', () => {
    const open = sample({ task: 'open_ended', answer: 'One. Two! Three? Four.', solution: '<think>Look.</think><answer>One. Two! Three? Four.</answer>' });
    expect(extractAnswer(sftTarget(open, [200, 100], OPTIONS))).toBe('One. Two!');
    expect(extractAnswer(sftTarget(open, [200, 100], { thinkSentences: 0, answerSentences: 0 }))).toBe('One. Two! Three? Four.');
  });

  it('wraps the answer alone when a sample has no solution', () => {
    expect(sftTarget(sample({ solution: null }), [200, 100], OPTIONS)).toBe('<think></think><answer>yes</answer>');
  });

  it('refuses a solution whose answer contradicts the ground truth', () => {
    expect(() => sftTarget(sample({ answer: 'no' }), [200, 100], OPTIONS)).toThrow(/sample "s": its solution answers "yes", its ground truth is "no"/);
  });
});
