import { buildBatch } from './build';
import { rowsFromBatch } from './rows';
import { advantageSchema } from './schemas/advantage';
import { rewardSchema } from './schemas/reward';
import { rolloutSchema } from './schemas/rollout';
import { sampleSchema } from './schemas/sample';
import { alterTable, splitIntoBatches } from './spec-helpers';
import { exampleAdvantageRows, exampleRewardRows, exampleRolloutRows, exampleSampleRows } from './testing';
import { Int32 } from 'apache-arrow';

describe('rowsFromBatch', () => {
  it('gives back the rows a batch was built from, for every schema', () => {
    expect(rowsFromBatch(sampleSchema, buildBatch(sampleSchema, exampleSampleRows()))).toEqual(exampleSampleRows());
    expect(rowsFromBatch(rolloutSchema, buildBatch(rolloutSchema, exampleRolloutRows()))).toEqual(exampleRolloutRows());
    expect(rowsFromBatch(rewardSchema, buildBatch(rewardSchema, exampleRewardRows()))).toEqual(exampleRewardRows());
    expect(rowsFromBatch(advantageSchema, buildBatch(advantageSchema, exampleAdvantageRows()))).toEqual(
      exampleAdvantageRows(),
    );
  });

  it('gives typed arrays for token ids and log-probabilities, plain arrays for boxes and options', () => {
    const [rollout] = rowsFromBatch(rolloutSchema, buildBatch(rolloutSchema, exampleRolloutRows()));
    expect(rollout.promptTokenIds).toBeInstanceOf(Int32Array);
    expect(rollout.completionTokenIds).toBeInstanceOf(Int32Array);
    expect(rollout.logProbs).toBeInstanceOf(Float32Array);
    const grounding = rowsFromBatch(sampleSchema, buildBatch(sampleSchema, exampleSampleRows()))[3];
    expect(Array.isArray(grounding.answerBox)).toBe(true);
    expect(grounding.answerBox).toEqual([10.5, 20, 200.25, 310]);
  });

  it('gives values that share no memory with the table', () => {
    const table = buildBatch(rolloutSchema, exampleRolloutRows());
    const [first] = rowsFromBatch(rolloutSchema, table);
    first.completionTokenIds[0] = -7;
    first.logProbs[0] = 0;
    const [again] = rowsFromBatch(rolloutSchema, table);
    expect(again.completionTokenIds[0]).toBe(13708);
    expect(again.logProbs[0]).toBe(-0.5);

    const samples = buildBatch(sampleSchema, exampleSampleRows());
    const [sample] = rowsFromBatch(sampleSchema, samples);
    sample.imageBytes?.fill(0);
    expect(rowsFromBatch(sampleSchema, samples)[0].imageBytes?.[0]).toBe(0x89);
  });

  it('reads tables of many record batches, each a slice with an offset', () => {
    const rollouts = splitIntoBatches(buildBatch(rolloutSchema, exampleRolloutRows()));
    expect(rollouts.batches).toHaveLength(3);
    expect(rowsFromBatch(rolloutSchema, rollouts)).toEqual(exampleRolloutRows());
    const samples = splitIntoBatches(buildBatch(sampleSchema, exampleSampleRows()));
    expect(rowsFromBatch(sampleSchema, samples)).toEqual(exampleSampleRows());
  });

  it('reads an empty batch as no rows', () => {
    expect(rowsFromBatch(sampleSchema, buildBatch(sampleSchema, []))).toEqual([]);
  });

  it('validates before reading', () => {
    const table = alterTable(buildBatch(rewardSchema, exampleRewardRows()), {
      set: { group_index: { type: new Int32(), values: [0, 1, -1] } },
    });
    expect(() => rowsFromBatch(rewardSchema, table)).toThrow(
      'reward batch: column "group_index" row 2: expected an Int32 >= 0, found -1',
    );
  });
});
