import { rolloutSchema, validateBatch, buildBatch } from '@mixed-r1/records';
import { TINY_TOKEN_IDS } from '../config/tiny-config';
import { TINY_TOKENIZER_DIR } from '../testing/tiny-tokenizer';
import { PolicyTokenizer } from '../tokenizer/policy-tokenizer';
import { imageFromPixels, rolloutRows } from './rollout-rows';

describe('rolloutRows', () => {
  it('builds valid rollout records with text decoded without special tokens', () => {
    const tokenizer = PolicyTokenizer.fromFile(TINY_TOKENIZER_DIR);
    const answer = tokenizer.encode('<answer>yes</answer>');
    const rows = rolloutRows('s-1', [1, 2, 3], [
      { tokenIds: [...answer, TINY_TOKEN_IDS.imEnd], logProbs: [...answer.map(() => -0.5), -0.1], finishReason: 'stop' },
      { tokenIds: [5], logProbs: [-2], finishReason: 'length' },
    ], tokenizer);
    expect(rows[0].completionText).toBe('<answer>yes</answer>');
    expect(rows.map((r) => r.groupIndex)).toEqual([0, 1]);
    expect(Array.from(rows[1].promptTokenIds)).toEqual([1, 2, 3]);
    expect(() => validateBatch(rolloutSchema, buildBatch(rolloutSchema, rows))).not.toThrow();
  });
});

describe('imageFromPixels', () => {
  it('takes the Qwen rows and grid, and refuses other processors', () => {
    const base = { sampleId: 's', gridT: 1, gridH: 2, gridW: 2, inputWidth: 28, inputHeight: 28, rowLength: 1176, rowCount: 4, tokenCount: 1, rows: new Float32Array(4 * 1176) };
    expect(imageFromPixels({ ...base, processor: 'qwen2_5_vl' }).grid).toEqual({ t: 1, h: 2, w: 2 });
    expect(() => imageFromPixels({ ...base, processor: 'internvl' })).toThrow('pixels of sample "s": processor "internvl" is not the Qwen2.5-VL one the policy takes');
  });
});
