import { tableToIPC, type Vector } from 'apache-arrow';
import { batchFromColumns, buildBatch } from './build';
import { rowsFromBatch } from './rows';
import type { RecordSchema } from './schema';
import { advantageSchema } from './schemas/advantage';
import { rewardSchema, type RewardRow } from './schemas/reward';
import { rolloutSchema, type RolloutRow } from './schemas/rollout';
import { sampleSchema, type SampleRow } from './schemas/sample';
import { exampleAdvantageRows, exampleRewardRows, exampleRolloutRows, exampleSampleRows } from './testing';

const column = (table: ReturnType<typeof buildBatch>, name: string) => table.getChild(name) as Vector;

describe('buildBatch', () => {
  it('stores every sample value in its Arrow column', () => {
    const table = buildBatch(sampleSchema, exampleSampleRows());
    expect(table.numRows).toBe(5);
    expect(column(table, 'id').toArray()).toEqual([
      'yes-no-0',
      'multiple-choice-0',
      'chart-0',
      'grounding-0',
      'open-ended-0',
    ]);
    expect(column(table, 'task').get(4)).toBe('open_ended');
    expect(column(table, 'image_width').toArray()).toEqual(Int32Array.of(64, 640, 800, 640, 1));
    expect(column(table, 'options').get(0)).toBeNull();
    expect([...column(table, 'options').get(1)]).toEqual(['cat', 'dog', 'ñandú', '🐦 bird']);
    expect([...column(table, 'options').get(2)]).toEqual([]);
    expect(column(table, 'answer_box').get(0)).toBeNull();
    expect([...column(table, 'answer_box').get(3)]).toEqual([10.5, 20, 200.25, 310]);
    expect(column(table, 'image_bytes').get(0)).toEqual(
      Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x7f, 0x80),
    );
    expect(column(table, 'image_bytes').get(1)).toBeNull();
    expect(column(table, 'image_bytes').get(2)).toEqual(new Uint8Array(0));
    expect(column(table, 'answer').get(4)).toBe('Two dogs play with a ball on the grass. 两只狗在草地上玩球。');
    expect(column(table, 'solution').get(4)).toBe('');
    expect(column(table, 'metadata').get(1)).toBeNull();
  });

  it('stores token ids and log-probabilities as lists', () => {
    const table = buildBatch(rolloutSchema, exampleRolloutRows());
    const tokens = column(table, 'completion_token_ids');
    const logProbs = column(table, 'log_probs');
    expect(tokens.get(0).toArray()).toEqual(Int32Array.of(13708, 766, 29, 9693));
    expect(logProbs.get(0).toArray()).toEqual(Float32Array.of(-0.5, -1.25, -0.001, -3.75));
    expect(logProbs.get(2).length).toBe(0);
  });

  it('rounds numbers to Float32 in Float32 columns and keeps nulls', () => {
    const [row] = exampleRewardRows();
    const table = buildBatch(rewardSchema, [{ ...row, total: 0.1, iou: null }]);
    expect(column(table, 'total').get(0)).toBe(Math.fround(0.1));
    expect(column(table, 'total').get(0)).not.toBe(0.1);
    expect(column(table, 'iou').get(0)).toBeNull();
  });

  it('carries the schema name and version in the table metadata', () => {
    const table = buildBatch(advantageSchema, exampleAdvantageRows());
    expect(table.schema.metadata.get('mixed_r1.schema')).toBe('advantage');
    expect(table.schema.metadata.get('mixed_r1.version')).toBe('1');
  });

  it('builds an empty batch with all the columns', () => {
    const table = buildBatch(rolloutSchema, []);
    expect(table.numRows).toBe(0);
    expect(table.schema.fields.map((field) => field.name)).toEqual(rolloutSchema.columns.map((c) => c.name));
  });
});

describe('buildBatch rejects invalid rows, naming the column, the row, what was expected and found', () => {
  const samples = (change: (rows: SampleRow[]) => void) => {
    const rows = exampleSampleRows();
    change(rows);
    return () => buildBatch(sampleSchema, rows);
  };
  const rewards = (change: (rows: RewardRow[]) => void) => {
    const rows = [...exampleRewardRows(), ...exampleRewardRows()];
    change(rows);
    return () => buildBatch(rewardSchema, rows);
  };
  const rollouts = (change: (rows: RolloutRow[]) => void) => {
    const rows = exampleRolloutRows();
    change(rows);
    return () => buildBatch(rolloutSchema, rows);
  };
  const unchecked = (value: unknown) => value as never;

  it('a string in a Float32 column', () => {
    expect(rewards((rows) => (rows[3].iou = unchecked('abc')))).toThrow(
      new TypeError('reward batch: column "iou" row 3: expected a Float32 or null, found "abc"'),
    );
  });

  it('NaN or a number beyond Float32 in a Float32 column', () => {
    expect(rewards((rows) => (rows[1].total = NaN))).toThrow(
      'reward batch: column "total" row 1: expected a Float32, found NaN (not finite)',
    );
    expect(rewards((rows) => (rows[0].bmas = 1e39))).toThrow(
      'reward batch: column "bmas" row 0: expected a Float32 or null, found 1e+39',
    );
  });

  it('an unknown task, listing the valid ones', () => {
    expect(samples((rows) => (rows[2].task = unchecked('captioning')))).toThrow(
      'sample batch: column "task" row 2: expected a task type ' +
        '(one of yes_no, multiple_choice, chart, grounding, open_ended), found "captioning"',
    );
  });

  it('a box of 3 numbers', () => {
    expect(samples((rows) => (rows[3].answerBox = unchecked([1, 2, 3])))).toThrow(
      'sample batch: column "answer_box" row 3: expected a box of 4 finite numbers [x1, y1, x2, y2] or null, ' +
        'found [1, 2, 3]',
    );
  });

  it('a box with NaN or Infinity', () => {
    expect(samples((rows) => (rows[3].answerBox = [1, NaN, 3, 4]))).toThrow(
      'sample batch: column "answer_box" row 3: expected a box of 4 finite numbers [x1, y1, x2, y2] or null, ' +
        'found [1, NaN (not finite), 3, 4]',
    );
    expect(samples((rows) => (rows[0].answerBox = [0, 0, Infinity, 4]))).toThrow('column "answer_box" row 0');
  });

  it('log_probs of another length than completion_token_ids', () => {
    expect(rollouts((rows) => (rows[1].logProbs = Float32Array.of(-1, -2)))).toThrow(
      'rollout batch: column "log_probs" row 1: expected as many values as completion_token_ids (1), found 2',
    );
  });

  it('a negative group index', () => {
    expect(rollouts((rows) => (rows[2].groupIndex = -1))).toThrow(
      'rollout batch: column "group_index" row 2: expected an Int32 >= 0, found -1',
    );
  });

  it('metadata that is not JSON', () => {
    expect(samples((rows) => (rows[2].metadata = '{"category": bar}'))).toThrow(
      'sample batch: column "metadata" row 2: expected JSON text or null, found "{\\"category\\": bar}"',
    );
  });

  it('an image size that is not a positive integer', () => {
    expect(samples((rows) => (rows[1].imageWidth = 0))).toThrow(
      'sample batch: column "image_width" row 1: expected an Int32 > 0, found 0',
    );
    expect(samples((rows) => (rows[4].imageHeight = 2.5))).toThrow(
      'sample batch: column "image_height" row 4: expected an Int32 > 0, found 2.5',
    );
  });

  it('null or nothing in a required column', () => {
    expect(samples((rows) => (rows[0].question = unchecked(null)))).toThrow(
      'sample batch: column "question" row 0: expected a string, found null',
    );
    expect(samples((rows) => delete (rows[1] as Partial<SampleRow>).source)).toThrow(
      'sample batch: column "source" row 1: expected a string, found undefined (no value)',
    );
  });

  it('token ids that are not an Int32Array and log-probabilities that are not finite', () => {
    expect(rollouts((rows) => (rows[0].promptTokenIds = unchecked([1, 2])))).toThrow(
      'rollout batch: column "prompt_token_ids" row 0: expected an Int32Array, found [1, 2]',
    );
    expect(rollouts((rows) => (rows[1].logProbs = Float32Array.of(NaN)))).toThrow(
      'rollout batch: column "log_probs" row 1: expected a Float32Array of finite numbers, ' +
        'found Float32Array(1) [NaN (not finite)]',
    );
  });

  it('options that are not all strings', () => {
    expect(samples((rows) => (rows[1].options = unchecked(['a', 2])))).toThrow(
      'sample batch: column "options" row 1: expected an array of strings or null, found ["a", 2]',
    );
  });

  it('a row that is not an object, and rows that are not an array', () => {
    expect(rewards((rows) => (rows[1] = unchecked(null)))).toThrow(
      'reward batch: row 1: expected an object, found null',
    );
    expect(() => buildBatch(rewardSchema, unchecked('rows'))).toThrow(
      'reward batch: expected an array of rows, found "rows"',
    );
  });
});

describe('batchFromColumns', () => {
  it('builds the same batch as buildBatch from the same data', () => {
    const rows = exampleRewardRows();
    const fromColumns = batchFromColumns(rewardSchema, {
      sampleId: rows.map((row) => row.sampleId),
      groupIndex: Int32Array.from(rows, (row) => row.groupIndex),
      task: rows.map((row) => row.task),
      total: Float32Array.from(rows, (row) => row.total),
      format: Float32Array.from(rows, (row) => row.format ?? 0),
      matching: rows.map((row) => row.matching),
      chart: rows.map((row) => row.chart),
      iou: rows.map((row) => row.iou),
      bmas: rows.map((row) => row.bmas),
      reason: rows.map((row) => row.reason),
    });
    const fromRows = buildBatch(rewardSchema, rows);
    expect(tableToIPC(fromColumns)).toEqual(tableToIPC(fromRows));
    expect(rowsFromBatch(rewardSchema, fromColumns)).toEqual(rows);
  });

  it('builds the same sample and rollout batches as buildBatch', () => {
    for (const [schema, rows] of [
      [sampleSchema, exampleSampleRows()],
      [rolloutSchema, exampleRolloutRows()],
    ] as const) {
      const columns = Object.fromEntries(
        schema.columns.map((c) => [c.field, (rows as readonly Record<string, unknown>[]).map((row) => row[c.field])]),
      );
      const anySchema: RecordSchema = schema;
      const fromColumns = batchFromColumns(anySchema, columns as never);
      expect(tableToIPC(fromColumns)).toEqual(tableToIPC(buildBatch(anySchema, rows as never)));
    }
  });

  it('rejects a missing column, an unknown field, columns of different lengths, and values that are not arrays', () => {
    const columns = {
      sampleId: ['a', 'b'],
      groupIndex: Int32Array.of(0, 1),
      reward: Float32Array.of(1, 0),
      advantage: [0.5, -0.5],
    };
    const withoutAdvantage = { ...columns, advantage: undefined };
    expect(() => batchFromColumns(advantageSchema, withoutAdvantage as never)).toThrow(
      'advantage batch: missing values for column "advantage" (field "advantage")',
    );
    expect(() => batchFromColumns(advantageSchema, { ...columns, reward: Float32Array.of(1) })).toThrow(
      'advantage batch: column "reward" (field "reward") has 1 values, expected 2 (as column "sample_id")',
    );
    expect(() => batchFromColumns(advantageSchema, { ...columns, bonus: [1, 2] } as never)).toThrow(
      'advantage batch: unknown field "bonus" (the fields of advantage are sampleId, groupIndex, reward, advantage)',
    );
    expect(() => batchFromColumns(advantageSchema, { ...columns, sampleId: 'ab' as never })).toThrow(
      'advantage batch: column "sample_id" (field "sampleId"): expected an array or a typed array, found "ab"',
    );
  });

  it('checks the values of typed arrays too', () => {
    const columns = {
      sampleId: ['a', 'b'],
      groupIndex: Float32Array.of(0, 1.5),
      reward: Float32Array.of(1, 0),
      advantage: Float32Array.of(0.5, NaN),
    };
    expect(() => batchFromColumns(advantageSchema, columns)).toThrow(
      'advantage batch: column "group_index" row 1: expected an Int32 >= 0, found 1.5',
    );
    expect(() => batchFromColumns(advantageSchema, { ...columns, groupIndex: Int32Array.of(0, 1) })).toThrow(
      'advantage batch: column "advantage" row 1: expected a Float32, found NaN (not finite)',
    );
  });

  it('builds 100k reward rows from typed arrays', () => {
    const n = 100_000;
    const tasks = ['yes_no', 'chart', 'grounding', 'open_ended', 'multiple_choice'] as const;
    const table = batchFromColumns(rewardSchema, {
      sampleId: Array.from({ length: n }, (_, i) => `sample-${i >> 3}`),
      groupIndex: Int32Array.from({ length: n }, (_, i) => i & 7),
      task: Array.from({ length: n }, (_, i) => tasks[i % tasks.length]),
      total: new Float32Array(n).fill(1.5),
      format: new Float32Array(n).fill(1),
      matching: Array.from({ length: n }, (_, i) => (i % 5 < 2 ? 1 : null)),
      chart: Array.from({ length: n }, (_, i) => (i % 5 === 1 ? 0 : null)),
      iou: Array.from({ length: n }, (_, i) => (i % 5 === 2 ? 0.5 : null)),
      bmas: Array.from({ length: n }, (_, i) => (i % 5 === 3 ? 0.25 : null)),
      reason: new Array<null>(n).fill(null),
    });
    expect(table.numRows).toBe(n);
    expect(table.getChild('iou')?.get(2)).toBe(0.5);
    expect(table.getChild('iou')?.get(3)).toBeNull();
    expect(table.getChild('task')?.get(n - 1)).toBe('multiple_choice');
  });
});
