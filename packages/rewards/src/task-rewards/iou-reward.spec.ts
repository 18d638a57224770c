import type { Box, Size } from '@mixed-r1/records';
import { RewardInputError, type RewardInput } from '../reward-input';
import { iouReward } from './iou-reward';

const NO_CONTEXT = { similarity: null };
const TRUTH: Box = [0, 0, 10, 10];

function grounding(box: Box | null, imageSize: Size | null = [100, 100], inputSize: Size | null = null): RewardInput {
  return { id: 'g1', task: 'grounding', completion: '', answer: '', box, imageSize, inputSize };
}

describe('iouReward, same frame', () => {
  const cases: Array<[string, string, number]> = [
    ['identical box', '[0, 0, 10, 10]', 1],
    ['quarter overlap: 25 / (100 + 100 - 25)', '[5, 5, 15, 15]', 25 / 175],
    ['left half: 50 / 100', '[0,0,5,10]', 0.5],
    ['disjoint', '[20, 20, 30, 30]', 0],
    ['touching edges only', '[10, 0, 20, 10]', 0],
    ['reversed corners', '[10, 10, 0, 0]', 0],
    ['zero width', '[0, 0, 0, 10]', 0],
    ['zero height', '[0, 5, 10, 5]', 0],
    ['decimals: 9.5^2 / (200 - 9.5^2)', '[0.5, 0.5, 10.5, 10.5]', 90.25 / 109.75],
    ['negative corner: 25 / 175', '[-5, -5, 5, 5]', 25 / 175],
    ['JSON with bbox_2d', '{"bbox_2d": [0, 0, 5, 10], "label": "cat"}', 0.5],
    ['the first box of two', '[0, 0, 10, 10] or [20, 20, 30, 30]', 1],
    ['a box inside prose', 'The cat is at [0, 0, 5, 10] in the image.', 0.5],
    ['no box', 'the cat on the left', 0],
    ['three numbers', '[1, 2, 3]', 0],
    ['five numbers', '[0, 0, 10, 10, 3]', 0],
    ['non-numeric entries', '[a, b, c, d]', 0],
    ['an overflowing coordinate', `[0, 0, ${'9'.repeat(400)}, 10]`, 0],
    ['an empty answer', '', 0],
  ];
  it.each(cases)('%s', (_name, answer, expected) => {
    expect(iouReward.score(answer, grounding(TRUTH), NO_CONTEXT)).toBeCloseTo(expected, 12);
  });
});

describe('iouReward, model-input frame to original frame', () => {
  it('maps a box from a half-size input back to the original', () => {
    const input = grounding([20, 20, 60, 60], [200, 100], [100, 50]);
    expect(iouReward.score('[10, 10, 30, 30]', input, NO_CONTEXT)).toBeCloseTo(1, 12);
  });
  it('scores the unmapped box as the wrong one: 400 / (1600 + 400 - ... ) by hand', () => {
    // Truth [20,20,60,60] in a 200x100 image seen at 400x200: the prediction [20,20,60,60] in the
    // input frame is [10,10,30,30] in the original: intersection 10*10 = 100, union 1600 + 400 - 100.
    const input = grounding([20, 20, 60, 60], [200, 100], [400, 200]);
    expect(iouReward.score('[20, 20, 60, 60]', input, NO_CONTEXT)).toBeCloseTo(100 / 1900, 12);
  });
  it('uses separate x and y factors (640x480 seen as 644x476, the smart_resize example)', () => {
    const input = grounding([320, 240, 640, 480], [640, 480], [644, 476]);
    expect(iouReward.score('[322, 238, 644, 476]', input, NO_CONTEXT)).toBeCloseTo(1, 12);
  });
  it('needs the original size to map a box', () => {
    const input = grounding(TRUTH, null, [50, 50]);
    expect(() => iouReward.score('[0, 0, 5, 5]', input, NO_CONTEXT)).toThrow(/sample "g1".*input_size.*image_size/);
  });
});

describe('iouReward, ground truth checks', () => {
  it.each([
    ['missing', null],
    ['reversed', [10, 10, 0, 0] as Box],
    ['degenerate', [0, 0, 0, 0] as Box],
    ['NaN', [0, 0, Number.NaN, 10] as Box],
  ])('rejects a %s ground-truth box naming the sample', (_name, box) => {
    expect(() => iouReward.score('[0, 0, 10, 10]', grounding(box), NO_CONTEXT)).toThrow(RewardInputError);
    expect(() => iouReward.score('[0, 0, 10, 10]', grounding(box), NO_CONTEXT)).toThrow(/sample "g1"/);
  });
});
