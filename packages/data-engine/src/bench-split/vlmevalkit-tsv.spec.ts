import type { SampleRow } from '@mixed-r1/records';
import { benchTsvColumns, benchTsvText, parseBenchTsv } from './vlmevalkit-tsv';

const row = (overrides: Partial<SampleRow>): SampleRow => ({
  id: 'x',
  source: 'procedural/test',
  task: 'yes_no',
  question: 'Is it red?',
  options: null,
  answer: 'yes',
  answerBox: null,
  imageBytes: Uint8Array.from([137, 80, 78, 71, 0, 255]),
  imagePath: null,
  imageWidth: 40,
  imageHeight: 30,
  solution: null,
  metadata: null,
  ...overrides,
});

describe('VLMEvalKit benchmark TSV', () => {
  it('writes the header, base64 images, options A..D, the category and our task and box columns', () => {
    const text = benchTsvText([
      row({}),
      row({ task: 'multiple_choice', options: ['red', 'green', 'blue', 'grey'], answer: 'C' }),
      row({ task: 'grounding', answer: '[1, 2, 30, 20.5]', answerBox: [1, 2, 30, 20.5] }),
    ]);
    const [header] = text.split('\n');
    expect(header).toBe('index\timage\tquestion\tA\tB\tC\tD\tanswer\tcategory\ttask\tbox');
    const rows = parseBenchTsv(text);
    expect(rows[0]).toEqual({ index: '0', image: 'iVBORwD/', question: 'Is it red?', A: '', B: '', C: '', D: '', answer: 'yes', category: 'yes_no', task: 'yes_no', box: '' });
    expect(rows[1]).toMatchObject({ index: '1', A: 'red', D: 'grey', answer: 'C', category: 'multiple_choice' });
    expect(rows[2]).toMatchObject({ index: '2', task: 'grounding', box: '[1, 2, 30, 20.5]', answer: '[1, 2, 30, 20.5]' });
    expect(Buffer.from(rows[0].image, 'base64')).toEqual(Buffer.from([137, 80, 78, 71, 0, 255]));
  });

  it('adds option columns beyond D when a question has more options', () => {
    expect(benchTsvColumns(6)).toContain('F');
    const text = benchTsvText([row({ task: 'multiple_choice', options: ['a', 'b', 'c', 'd', 'e'], answer: 'E' })]);
    expect(parseBenchTsv(text)[0]).toMatchObject({ E: 'e', answer: 'E' });
  });

  it('quotes fields with tabs, newlines and quotes, and reads them back', () => {
    const question = 'Say "hi"\tand\nwave';
    const text = benchTsvText([row({ task: 'open_ended', question, answer: 'A "quoted" reply' })]);
    expect(text.split('\n')[1]).toContain('"Say ""hi""\tand');
    expect(parseBenchTsv(text)[0]).toMatchObject({ question, answer: 'A "quoted" reply' });
  });

  it('refuses a sample without image bytes', () => {
    expect(() => benchTsvText([row({ id: 'no-image', imageBytes: null })])).toThrow(/benchmark sample "no-image": expected embedded image bytes/);
  });
});
