import { parseScoreRequest } from './score-request';

describe('parseScoreRequest', () => {
  it('reads a full grounding row, with snake_case sizes', () => {
    const row = { id: 'g', task: 'grounding', completion: 'c', answer: '', box: [1, 2, 3, 4], image_size: [640, 480], input_size: [644, 476] };
    expect(parseScoreRequest(row, 'f:1')).toEqual({
      input: { id: 'g', task: 'grounding', completion: 'c', answer: '', options: null, box: [1, 2, 3, 4], imageSize: [640, 480], inputSize: [644, 476] },
    });
  });

  it('takes a numeric id as its string', () => {
    const parsed = parseScoreRequest({ id: 7, task: 'chart', completion: '1', answer: '1' }, 'f:1');
    expect('input' in parsed && parsed.input.id).toBe('7');
  });

  it.each([
    ['not an object', [1, 2], 'f:3', 'f:3: expected a JSON object'],
    ['missing completion', { id: 'a', task: 'chart', answer: '1' }, 'a', 'field "completion" must be a string, found null'],
    ['unknown task', { id: 'a', task: 'poetry', completion: '', answer: '' }, 'a', 'unknown task "poetry"'],
    ['box of 3 numbers', { id: 'a', task: 'grounding', completion: '', answer: '', box: [1, 2, 3] }, 'a', 'field "box" must be [x1, y1, x2, y2]'],
    ['NaN in a size', { id: 'a', task: 'grounding', completion: '', answer: '', image_size: [1, 'x'] }, 'a', 'field "image_size" must be [width, height]'],
    ['options not strings', { id: 'a', task: 'multiple_choice', completion: '', answer: 'A', options: [1] }, 'a', 'field "options" must be a list of strings'],
    ['unknown field', { id: 'a', task: 'chart', completion: '', answer: '', extra: 1 }, 'a', 'unknown field(s) extra'],
  ])('rejects %s with the row and the reason', (_name, row, id, message) => {
    const parsed = parseScoreRequest(row, 'f:3');
    expect(parsed).toMatchObject({ id });
    expect('reason' in parsed && parsed.reason).toContain(message);
    expect('reason' in parsed && parsed.reason.startsWith('f:3: ')).toBe(true);
  });
});
