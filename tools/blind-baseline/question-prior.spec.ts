import { answerText } from './blind-baseline';
import { questionKey, questionPriorPredictions, type AnsweredQuestion } from './question-prior';

const answerOf = (prediction: string) => /<answer>(.*)<\/answer>/.exec(prediction)?.[1];

describe('question-only baseline', () => {
  const training: AnsweredQuestion[] = [
    { task: 'multiple_choice', question: 'How many stars are there?', answer: '1' },
    { task: 'multiple_choice', question: 'How many stars are there?', answer: '1' },
    { task: 'multiple_choice', question: 'How many stars are there?', answer: '2' },
    { task: 'multiple_choice', question: 'What colour is the star?', answer: 'red' },
    { task: 'yes_no', question: 'Is there exactly 1 star?', answer: 'yes' },
    { task: 'yes_no', question: 'Is there exactly 1 star?', answer: 'yes' },
    { task: 'yes_no', question: 'Is there exactly 1 star?', answer: 'no' },
    { task: 'yes_no', question: 'Is the star red?', answer: 'no' },
    { task: 'yes_no', question: 'Is the star blue?', answer: 'no' },
    { task: 'chart', question: 'What is the value of A?', answer: '7' },
    { task: 'chart', question: 'What is the value of A?', answer: '5' },
  ];

  it('answers with the most common training answer to the same question text, case and spacing aside', () => {
    const [counting, exactlyOne] = questionPriorPredictions(training, [
      { index: '0', task: 'multiple_choice', question: 'how many  STARS are there?', options: ['0', '2', '1', '3'] },
      { index: '1', task: 'yes_no', question: 'Is there exactly 1 star?', options: null },
    ]);
    // "1" (2 of 3) is option C
    expect(counting).toEqual({ index: '0', prediction: '<think></think><answer>C</answer>', source: 'same question' });
    expect(answerOf(exactlyOne.prediction)).toBe('yes');
  });

  it('falls back to the task\'s most common answer for a question never asked in training', () => {
    const [unseen] = questionPriorPredictions(training, [{ index: '7', task: 'yes_no', question: 'Is the square green?', options: null }]);
    // yes/no answers in training: yes 2, no 3
    expect(unseen).toEqual({ index: '7', prediction: '<think></think><answer>no</answer>', source: 'task' });
  });

  it('takes the next most common answer the options offer, and breaks ties by code point', () => {
    const [counting, tie] = questionPriorPredictions(training, [
      { index: '0', task: 'multiple_choice', question: 'How many stars are there?', options: ['3', '2', '0', '4'] },
      { index: '1', task: 'chart', question: 'What is the value of A?', options: null },
    ]);
    // "1" is not offered; "2" (1 of 3) is option B
    expect(answerOf(counting.prediction)).toBe('B');
    // "5" and "7" once each: "5" sorts first
    expect(answerOf(tie.prediction)).toBe('5');
  });

  it('keys questions by task too', () => {
    expect(questionKey('yes_no', 'Is it?')).not.toBe(questionKey('chart', 'Is it?'));
    expect(questionKey('yes_no', ' Is  it? ')).toBe(questionKey('yes_no', 'is it?'));
  });

  it('reads a multiple-choice training answer as its option text, and names a sample whose letter has no option', () => {
    expect(answerText({ id: 's1', answer: 'B', options: ['red', 'blue'] })).toBe('blue');
    expect(answerText({ id: 's2', answer: 'yes', options: null })).toBe('yes');
    expect(() => answerText({ id: 's3', answer: 'D', options: ['red', 'blue'] })).toThrow(/sample s3: answer "D"/);
  });
});
