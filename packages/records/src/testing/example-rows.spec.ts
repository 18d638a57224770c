import { buildBatch } from '../build';
import { REWARD_COMPONENTS, rewardSchema } from '../schemas/reward';
import { rolloutSchema } from '../schemas/rollout';
import { sampleSchema } from '../schemas/sample';
import { advantageSchema } from '../schemas/advantage';
import { TASK_TYPES } from '../task-types';
import { exampleAdvantageRows, exampleRewardRows, exampleRolloutRows, exampleSampleRows } from './index';

describe('example rows', () => {
  it('are valid batches of their schemas', () => {
    expect(buildBatch(sampleSchema, exampleSampleRows()).numRows).toBe(5);
    expect(buildBatch(rolloutSchema, exampleRolloutRows()).numRows).toBe(3);
    expect(buildBatch(rewardSchema, exampleRewardRows()).numRows).toBe(3);
    expect(buildBatch(advantageSchema, exampleAdvantageRows()).numRows).toBe(2);
  });

  it('cover every task type and both null and non-null values of every nullable sample column', () => {
    const rows = exampleSampleRows();
    expect(rows.map((row) => row.task)).toEqual([...TASK_TYPES]);
    for (const column of sampleSchema.columns.filter((c) => c.nullable)) {
      const values = rows.map((row) => row[column.field]);
      expect({ column: column.name, hasNull: values.includes(null) }).toEqual({ column: column.name, hasNull: true });
      const hasValue = values.some((v) => v !== null);
      expect({ column: column.name, hasValue }).toEqual({ column: column.name, hasValue: true });
    }
  });

  it('give fresh rows on every call', () => {
    const first = exampleRolloutRows();
    first[0].logProbs[0] = 1;
    expect(exampleRolloutRows()[0].logProbs[0]).toBe(-0.5);
  });

  it('include null and non-null values of every reward component', () => {
    const rows = exampleRewardRows();
    const withValue = REWARD_COMPONENTS.filter((component) => rows.some((row) => row[component] !== null));
    expect(withValue).toEqual(['format', 'matching', 'iou', 'bmas']);
  });
});
