import { microBatches } from './micro-batches';
import { trainingBatch } from './training-batch';

const rollout = (sampleId: string, groupIndex: number) => ({ sampleId, groupIndex, completionTokenIds: [1, 2] });
const advantage = (sampleId: string, groupIndex: number, value: number) => ({ sampleId, groupIndex, reward: 0, advantage: value });

describe('trainingBatch', () => {
  it('joins rollouts and advantage rows by (sample_id, group_index), in rollout order', () => {
    const batch = trainingBatch([rollout('a', 1), rollout('a', 0)], { rows: [advantage('a', 0, 0.5), advantage('a', 1, -0.5)] });
    expect(batch.sequences.map((s) => s.groupIndex)).toEqual([1, 0]);
    expect(batch.advantages).toEqual([-0.5, 0.5]);
    expect(batch.skipped).toEqual([]);
  });

  it('leaves out the rollouts of skipped groups and keeps them listed', () => {
    const skipped = [{ sampleId: 'b', reason: 'reward of sample "b" group_index 0 is NaN' }];
    const batch = trainingBatch([rollout('a', 0), rollout('b', 0)], { rows: [advantage('a', 0, 1)], skipped });
    expect(batch.sequences.map((s) => s.sampleId)).toEqual(['a']);
    expect(batch.skipped).toEqual(skipped);
  });

  it('names the rollout without an advantage, the advantage without a rollout, and duplicates', () => {
    expect(() => trainingBatch([rollout('a', 0), rollout('a', 1)], { rows: [advantage('a', 0, 1)] })).toThrow('trainingBatch: rollout of sample "a" group_index 1 has no advantage row; compute advantages for every scored group');
    expect(() => trainingBatch([rollout('a', 0)], { rows: [advantage('a', 0, 1), advantage('c', 2, 1)] })).toThrow('advantage row of sample "c" group_index 2 has no rollout');
    expect(() => trainingBatch([rollout('a', 0), rollout('a', 0)], { rows: [advantage('a', 0, 1)] })).toThrow('two rollouts for sample "a" group_index 0');
    expect(() => trainingBatch([], { rows: [advantage('a', 0, 1), advantage('a', 0, 2)] })).toThrow('two advantage rows for sample "a" group_index 0');
  });
});

describe('microBatches', () => {
  it('splits the indices into consecutive runs', () => {
    expect(microBatches([0, 1, 2, 3, 4], 2)).toEqual([[0, 1], [2, 3], [4]]);
    expect(microBatches([3, 5], null)).toEqual([[3, 5]]);
    expect(microBatches([], 4)).toEqual([]);
  });
});
