import {
  Binary,
  Field,
  FixedSizeList,
  Float32,
  Float64,
  Int32,
  List,
  Utf8,
  type DataType,
  type Table,
} from 'apache-arrow';
import { buildBatch } from './build';
import { advantageSchema } from './schemas/advantage';
import { rewardSchema } from './schemas/reward';
import { rolloutSchema } from './schemas/rollout';
import { sampleSchema } from './schemas/sample';
import { SchemaVersionError } from './schema-version';
import { alterTable, splitIntoBatches } from './spec-helpers';
import { exampleAdvantageRows, exampleRewardRows, exampleRolloutRows, exampleSampleRows } from './testing';
import { validateBatch } from './validate';

const samples = () => buildBatch(sampleSchema, exampleSampleRows());
const rollouts = () => buildBatch(rolloutSchema, exampleRolloutRows());
const rewards = () => buildBatch(rewardSchema, exampleRewardRows());

const boxType = (size: number) => new FixedSizeList(size, new Field('item', new Float64(), true));
const listOf = (type: Int32 | Float32 | Utf8, itemsNullable = false) =>
  new List(new Field('item', type, itemsNullable));
/** The example samples' answer_box column with `box` for the grounding sample (row 3). */
const groundingBox = (box: (number | null)[]) => [null, null, null, box, null];
const withColumn = (table: Table, name: string, type: DataType, values: readonly unknown[]) =>
  alterTable(table, { set: { [name]: { type, values } } });

describe('validateBatch', () => {
  it('accepts the batches that the builders make', () => {
    expect(() => validateBatch(sampleSchema, samples())).not.toThrow();
    expect(() => validateBatch(rolloutSchema, rollouts())).not.toThrow();
    expect(() => validateBatch(rewardSchema, rewards())).not.toThrow();
    expect(() => validateBatch(advantageSchema, buildBatch(advantageSchema, exampleAdvantageRows()))).not.toThrow();
  });

  it('accepts a table made elsewhere, without schema metadata, in another column order', () => {
    const table = alterTable(rewards(), { drop: ['total'], metadata: new Map() });
    const reordered = alterTable(table, { set: { total: { type: new Float32(), values: [2, 0.625, 0] } } });
    expect(() => validateBatch(rewardSchema, reordered)).not.toThrow();
  });

  it('accepts a table of many record batches, each a slice with an offset', () => {
    expect(() => validateBatch(rolloutSchema, splitIntoBatches(rollouts()))).not.toThrow();
    expect(() => validateBatch(sampleSchema, splitIntoBatches(samples()))).not.toThrow();
  });

  it('rejects a missing column', () => {
    expect(() => validateBatch(sampleSchema, alterTable(samples(), { drop: ['task'] }))).toThrow(
      new TypeError('sample batch: missing column "task"'),
    );
  });

  it('rejects a column of the wrong Arrow type', () => {
    const table = alterTable(samples(), { set: { image_width: { type: new Float64(), values: [1, 2, 3, 4, 5] } } });
    expect(() => validateBatch(sampleSchema, table)).toThrow(
      'sample batch: column "image_width": expected Arrow type Int32, found Float64',
    );
    const lists = alterTable(rollouts(), {
      set: { log_probs: { type: listOf(new Int32()), values: [[1, 2, 3, 4], [1], []] } },
    });
    expect(() => validateBatch(rolloutSchema, lists)).toThrow(
      'rollout batch: column "log_probs": expected Arrow type List<Float32>, found List<Int32>',
    );
  });

  it('rejects a box column of 3 numbers per row as the wrong type', () => {
    const table = withColumn(samples(), 'answer_box', boxType(3), groundingBox([1, 2, 3]));
    expect(() => validateBatch(sampleSchema, table)).toThrow(
      'sample batch: column "answer_box": expected Arrow type FixedSizeList[4]<Float64>, ' +
        'found FixedSizeList[3]<Float64>',
    );
  });

  it('rejects a box holding NaN or a null coordinate', () => {
    const withNaN = withColumn(samples(), 'answer_box', boxType(4), groundingBox([1, NaN, 3, 4]));
    expect(() => validateBatch(sampleSchema, withNaN)).toThrow(
      'sample batch: column "answer_box" row 3: expected a box of 4 finite numbers [x1, y1, x2, y2] or null, ' +
        'found [1, NaN (not finite), 3, 4]',
    );
    const withNull = withColumn(samples(), 'answer_box', boxType(4), groundingBox([1, null, 3, 4]));
    expect(() => validateBatch(sampleSchema, withNull)).toThrow(
      'sample batch: column "answer_box" row 3: expected a box of 4 finite numbers [x1, y1, x2, y2] or null, ' +
        'found [1, null, 3, 4]',
    );
  });

  it('rejects an unknown task, listing the valid ones', () => {
    const table = withColumn(rewards(), 'task', new Utf8(), ['yes_no', 'Grounding', 'open_ended']);
    expect(() => validateBatch(rewardSchema, table)).toThrow(
      'reward batch: column "task" row 1: expected a task type ' +
        '(one of yes_no, multiple_choice, chart, grounding, open_ended) or null, found "Grounding"',
    );
  });

  it('rejects log_probs of another length than completion_token_ids', () => {
    const table = alterTable(rollouts(), {
      set: { log_probs: { type: listOf(new Float32()), values: [[-1, -1, -1, -1], [-1], [-1]] } },
    });
    expect(() => validateBatch(rolloutSchema, table)).toThrow(
      'rollout batch: column "log_probs" row 2: expected as many values as completion_token_ids (0), found 1',
    );
  });

  it('rejects a negative group index', () => {
    const table = alterTable(rollouts(), { set: { group_index: { type: new Int32(), values: [0, -3, 1] } } });
    expect(() => validateBatch(rolloutSchema, table)).toThrow(
      'rollout batch: column "group_index" row 1: expected an Int32 >= 0, found -3',
    );
  });

  it('rejects metadata that is not JSON', () => {
    const table = alterTable(samples(), {
      set: { metadata: { type: new Utf8(), values: ['{}', null, '{"a":1}', "{'a': 1}", 'null'] } },
    });
    expect(() => validateBatch(sampleSchema, table)).toThrow(
      `sample batch: column "metadata" row 3: expected JSON text or null, found "{'a': 1}"`,
    );
  });

  it('rejects NaN and infinities in Float32 columns, scalar or list', () => {
    const total = alterTable(rewards(), { set: { total: { type: new Float32(), values: [1, Infinity, 0] } } });
    expect(() => validateBatch(rewardSchema, total)).toThrow(
      'reward batch: column "total" row 1: expected a Float32, found Infinity (not finite)',
    );
    const logProbs = alterTable(rollouts(), {
      set: { log_probs: { type: listOf(new Float32()), values: [[-1, -1, NaN, -1], [-1], []] } },
    });
    expect(() => validateBatch(rolloutSchema, logProbs)).toThrow(
      'rollout batch: column "log_probs" row 0: expected a Float32Array of finite numbers, ' +
        'found Float32Array(4) [-1, -1, NaN (not finite), -1]',
    );
  });

  it('rejects a null in a required column, and null list items', () => {
    const ids = alterTable(rewards(), { set: { sample_id: { type: new Utf8(), values: ['a', 'b', null] } } });
    expect(() => validateBatch(rewardSchema, ids)).toThrow(
      'reward batch: column "sample_id" row 2: expected a string, found null',
    );
    const tokens = alterTable(rollouts(), {
      set: { prompt_token_ids: { type: listOf(new Int32(), true), values: [[1], [2, null], []] } },
    });
    expect(() => validateBatch(rolloutSchema, tokens)).toThrow(
      'rollout batch: column "prompt_token_ids" row 1: expected an Int32Array, found [2, null]',
    );
    const options = alterTable(samples(), {
      set: { options: { type: listOf(new Utf8(), true), values: [null, ['a', null], null, null, null] } },
    });
    expect(() => validateBatch(sampleSchema, options)).toThrow(
      'sample batch: column "options" row 1: expected an array of strings or null, found ["a", null]',
    );
  });

  it('rejects a column that the schema does not have', () => {
    const table = alterTable(rewards(), { set: { bonus: { type: new Float32(), values: [1, 1, 1] } } });
    expect(() => validateBatch(rewardSchema, table)).toThrow(
      'reward batch: unexpected column "bonus" (the columns of reward are sample_id, group_index, task, total, ' +
        'format, matching, chart, iou, bmas, reason)',
    );
  });

  it('rejects a table whose metadata names another schema or version', () => {
    const asRollout = (table: Table) => validateBatch(rolloutSchema, table);
    expect(() => asRollout(rewards())).toThrow(SchemaVersionError);
    expect(() => asRollout(rewards())).toThrow(
      'in-memory table: expected a "rollout" batch of schema version 1, found a "reward" batch of schema version 1.',
    );
    const version2 = alterTable(rollouts(), {
      metadata: new Map([
        ['mixed_r1.schema', 'rollout'],
        ['mixed_r1.version', '2'],
      ]),
    });
    expect(() => asRollout(version2)).toThrow(
      'expected a "rollout" batch of schema version 1, found schema version "2"',
    );
  });

  it('names binary and string columns of other types', () => {
    const table = withColumn(samples(), 'image_bytes', new Utf8(), ['', null, null, null, null]);
    expect(() => validateBatch(sampleSchema, table)).toThrow(
      'sample batch: column "image_bytes": expected Arrow type Binary, found Utf8',
    );
    const ids = withColumn(samples(), 'id', new Binary(), new Array(5).fill(Uint8Array.of(97)));
    expect(() => validateBatch(sampleSchema, ids)).toThrow(
      'sample batch: column "id": expected Arrow type Utf8, found Binary',
    );
  });
});
