import { LOSS_TYPE_NAMES, LOSS_TYPES, lossTypeNamed } from './registry';

describe('loss types', () => {
  const lengths = [4, 0, 2, 2];
  const context = { maxCompletionLength: 8 };

  it('grpo: w_b = 1 / (B * max(len_b, 1)), an empty completion still counts in B', () => {
    expect(Array.from(LOSS_TYPES.grpo.sequenceWeights(lengths, context))).toEqual([1 / 16, 1 / 4, 1 / 8, 1 / 8]);
  });

  it('dapo: w_b = 1 / (tokens of the batch)', () => {
    expect(Array.from(LOSS_TYPES.dapo.sequenceWeights(lengths, context))).toEqual([1 / 8, 1 / 8, 1 / 8, 1 / 8]);
    expect(Array.from(LOSS_TYPES.dapo.sequenceWeights([0, 0], context))).toEqual([1, 1]);
  });

  it('dr_grpo: w_b = 1 / (B * maxCompletionLength), and no completion may be longer', () => {
    expect(Array.from(LOSS_TYPES.dr_grpo.sequenceWeights(lengths, context))).toEqual([1 / 32, 1 / 32, 1 / 32, 1 / 32]);
    expect(() => LOSS_TYPES.dr_grpo.sequenceWeights(lengths, { maxCompletionLength: 3 })).toThrow(/a completion has 4 tokens, more than maxCompletionLength = 3/);
    expect(() => LOSS_TYPES.dr_grpo.sequenceWeights(lengths, { maxCompletionLength: null })).toThrow(/needs maxCompletionLength/);
  });

  it('are registered by name; an unknown name lists the valid ones', () => {
    expect(LOSS_TYPE_NAMES).toEqual(['grpo', 'dapo', 'dr_grpo']);
    for (const name of LOSS_TYPE_NAMES) expect(lossTypeNamed(name).name).toBe(name);
    expect(() => lossTypeNamed('bnpo')).toThrow('unknown loss type "bnpo"; valid loss types: grpo, dapo, dr_grpo');
  });
});
