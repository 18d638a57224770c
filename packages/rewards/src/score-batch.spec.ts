import { buildBatch, rewardSchema, rolloutSchema, rowsFromBatch, sampleSchema, type RolloutRow, type SampleRow } from '@mixed-r1/records';
import { resolveRewardConfig } from './reward-config';
import { scoreBatch } from './score-batch';

function sample(id: string, task: SampleRow['task'], answer: string, extra: Partial<SampleRow> = {}): SampleRow {
  return {
    id,
    source: 'test',
    task,
    question: 'q',
    options: null,
    answer,
    answerBox: null,
    imageBytes: null,
    imagePath: `${id}.png`,
    imageWidth: 200,
    imageHeight: 100,
    solution: null,
    metadata: null,
    ...extra,
  };
}

function rollout(sampleId: string, groupIndex: number, completionText: string): RolloutRow {
  return {
    sampleId,
    groupIndex,
    promptTokenIds: Int32Array.of(1, 2, 3),
    completionTokenIds: Int32Array.of(4, 5),
    completionText,
    logProbs: Float32Array.of(-0.5, -0.25),
  };
}

const SAMPLES = buildBatch(sampleSchema, [
  sample('yn', 'yes_no', 'no'),
  sample('mc', 'multiple_choice', 'C', { options: ['cat', 'dog', 'bird'] }),
  sample('ch', 'chart', '45%'),
  sample('gr', 'grounding', '', { answerBox: [20, 20, 60, 60] }),
  sample('oe', 'open_ended', 'A cat.'),
]);

const ROLLOUTS = buildBatch(rolloutSchema, [
  rollout('yn', 0, '<think>t</think><answer>No.</answer>'),
  rollout('yn', 1, 'I do not know'),
  rollout('mc', 0, '<think>t</think><answer>bird</answer>'),
  rollout('ch', 0, '<think>t</think><answer>0.46</answer>'),
  rollout('gr', 0, '<think>t</think><answer>[10, 10, 30, 30]</answer>'),
  rollout('oe', 0, '<think>t</think><answer>a cat</answer>'),
  rollout('ghost', 3, 'yes'),
]);

describe('scoreBatch', () => {
  const rows = rowsFromBatch(rewardSchema, scoreBatch(ROLLOUTS, SAMPLES, { inputSizeOf: () => [100, 50] }));

  it('gives one reward row per rollout, in rollout order', () => {
    expect(rows.map((row) => [row.sampleId, row.groupIndex, row.task])).toEqual([
      ['yn', 0, 'yes_no'],
      ['yn', 1, 'yes_no'],
      ['mc', 0, 'multiple_choice'],
      ['ch', 0, 'chart'],
      ['gr', 0, 'grounding'],
      ['oe', 0, 'open_ended'],
      ['ghost', 3, null],
    ]);
  });

  it('scores each task with its reward and keeps every component', () => {
    expect(rows[0]).toMatchObject({ total: 2, format: 1, matching: 1, chart: null, iou: null, bmas: null, reason: null });
    expect(rows[1]).toMatchObject({ total: 0, format: 0, matching: 0 });
    expect(rows[2]).toMatchObject({ total: 2, matching: 1 });
    // 0.46 against 45% = 0.45: |0.01| <= 0.05 * 0.45
    expect(rows[3]).toMatchObject({ total: 2, chart: 1 });
  });

  it('reads grounding boxes in the model-input frame given by inputSizeOf', () => {
    // [10,10,30,30] in a 100x50 input of a 200x100 image is [20,20,60,60]: the ground truth.
    expect(rows[4].iou).toBeCloseTo(1, 6);
  });

  it('keeps rows that cannot be fully scored, with a reason', () => {
    expect(rows[5]).toMatchObject({ bmas: null, format: 1, total: 1 });
    expect(rows[5].reason).toMatch(/embedding/);
    expect(rows[6]).toMatchObject({ total: 0, format: null });
    expect(rows[6].reason).toMatch(/rollout of sample "ghost" has no sample/);
  });

  it('applies the config weights', () => {
    const config = resolveRewardConfig({ weights: { yes_no: { task: 3, format: 0 } } });
    const weighted = rowsFromBatch(rewardSchema, scoreBatch(ROLLOUTS, SAMPLES, { config }));
    expect(weighted[0].total).toBe(3);
  });
});
