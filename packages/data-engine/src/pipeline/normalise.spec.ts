import type { CandidateSample } from '../candidate';
import { normaliseCandidate, questionKey } from './normalise';

const base: CandidateSample = {
  id: ' s1 ',
  source: ' src ',
  task: 'yes_no',
  question: '  Is it red?  ',
  options: null,
  answer: ' Yes ',
  answerBox: null,
  imageBytes: null,
  imagePath: null,
  solution: null,
  metadata: null,
};

function normalised(overrides: Partial<CandidateSample>): CandidateSample {
  const result = normaliseCandidate({ ...base, ...overrides } as CandidateSample);
  if (!('sample' in result)) throw new Error(`rejected: ${result.reason}`);
  return result.sample;
}

describe('normaliseCandidate', () => {
  it('trims the id, source and question and lower-cases yes/no answers', () => {
    const sample = normalised({});
    expect([sample.id, sample.source, sample.question, sample.answer]).toEqual(['s1', 'src', 'Is it red?', 'yes']);
  });

  it.each([
    ['b', 'B'],
    ['(c)', 'C'],
    ['D.', 'D'],
    [' a) ', 'A'],
    ['blue', 'blue'],
  ])('makes the multiple-choice answer %j the letter %j', (answer, expected) => {
    expect(normalised({ task: 'multiple_choice', options: [' red ', 'blue', 'x', 'y'], answer }).answer).toBe(expected);
  });

  it('trims the option texts', () => {
    expect(normalised({ task: 'multiple_choice', options: [' red ', 'blue '], answer: 'A' }).options).toEqual(['red', 'blue']);
  });

  it('collapses spaces in chart answers', () => {
    expect(normalised({ task: 'chart', answer: ' 12   million ' }).answer).toBe('12 million');
  });

  it('rounds a grounding box to 1/100 px and writes the answer from it', () => {
    const sample = normalised({ task: 'grounding', answer: 'ignored', answerBox: [10.123, -0.001, 30.5, 40.006] });
    expect(sample.answerBox).toEqual([10.12, 0, 30.5, 40.01]);
    expect(Object.is(sample.answerBox?.[1], 0)).toBe(true);
    expect(sample.answer).toBe('[10.12, 0, 30.5, 40.01]');
  });

  it('reads a grounding box from a "[x1, y1, x2, y2]" answer when there is no box', () => {
    expect(normalised({ task: 'grounding', answer: '[1, 2.5, 30, 4e1]' }).answerBox).toEqual([1, 2.5, 30, 40]);
  });

  it('rejects a missing id and an unknown task type, naming them', () => {
    expect(normaliseCandidate({ ...base, id: '  ' })).toEqual({ reason: expect.stringMatching(/^missing id:/), sampleId: null });
    expect(normaliseCandidate({ ...base, task: 'poem' as never })).toEqual({ reason: expect.stringMatching(/^unknown task type: found "poem"/), sampleId: 's1' });
  });
});

describe('questionKey', () => {
  it('lower-cases and collapses white space', () => {
    expect(questionKey('  What  is\tthe\nValue? ')).toBe('what is the value?');
  });
});
