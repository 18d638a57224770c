import type { RecordSchema } from '../schema';
import { advantageSchema } from './advantage';
import { REWARD_COMPONENTS, rewardSchema } from './reward';
import { rolloutSchema } from './rollout';
import { sampleSchema } from './sample';

/** [column, Arrow type, nullable], written out by hand from the specification. */
type ExpectedColumns = readonly (readonly [string, string, boolean])[];

const expectedColumns: ReadonlyArray<readonly [RecordSchema, ExpectedColumns]> = [
  [
    sampleSchema,
    [
      ['id', 'Utf8', false],
      ['source', 'Utf8', false],
      ['task', 'Utf8', false],
      ['question', 'Utf8', false],
      ['options', 'List<Utf8>', true],
      ['answer', 'Utf8', false],
      ['answer_box', 'FixedSizeList[4]<Float64>', true],
      ['image_bytes', 'Binary', true],
      ['image_path', 'Utf8', true],
      ['image_width', 'Int32', false],
      ['image_height', 'Int32', false],
      ['solution', 'Utf8', true],
      ['metadata', 'Utf8', true],
    ],
  ],
  [
    rolloutSchema,
    [
      ['sample_id', 'Utf8', false],
      ['group_index', 'Int32', false],
      ['prompt_token_ids', 'List<Int32>', false],
      ['completion_token_ids', 'List<Int32>', false],
      ['completion_text', 'Utf8', false],
      ['log_probs', 'List<Float32>', false],
    ],
  ],
  [
    rewardSchema,
    [
      ['sample_id', 'Utf8', false],
      ['group_index', 'Int32', false],
      ['task', 'Utf8', true],
      ['total', 'Float32', false],
      ['format', 'Float32', true],
      ['matching', 'Float32', true],
      ['chart', 'Float32', true],
      ['iou', 'Float32', true],
      ['bmas', 'Float32', true],
      ['reason', 'Utf8', true],
    ],
  ],
  [
    advantageSchema,
    [
      ['sample_id', 'Utf8', false],
      ['group_index', 'Int32', false],
      ['reward', 'Float32', false],
      ['advantage', 'Float32', false],
    ],
  ],
];

const snakeToCamel = (name: string) => name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

const cases = expectedColumns.map(([schema, columns]) => [schema.name, schema, columns] as const);

describe.each(cases)('the %s schema', (_name, schema, columns) => {
  it('has the specified Arrow columns, types and nullability', () => {
    const fields = schema.arrowSchema.fields.map((field) => [field.name, String(field.type), field.nullable]);
    expect(fields).toEqual(columns);
  });

  it('carries its name and version 1 in the Arrow schema metadata', () => {
    expect(schema.version).toBe(1);
    expect(Object.fromEntries(schema.arrowSchema.metadata)).toEqual({
      'mixed_r1.schema': schema.name,
      'mixed_r1.version': '1',
    });
  });

  it('maps each snake_case column to the camelCase row field', () => {
    for (const column of schema.columns) expect(column.field).toBe(snakeToCamel(column.name));
  });
});

describe('schema names', () => {
  it('are sample, rollout, reward and advantage', () => {
    expect(expectedColumns.map(([schema]) => schema.name)).toEqual(['sample', 'rollout', 'reward', 'advantage']);
  });
});

describe('reward components', () => {
  it('are format, matching, chart, iou and bmas, each a nullable column', () => {
    expect(REWARD_COMPONENTS).toEqual(['format', 'matching', 'chart', 'iou', 'bmas']);
    for (const component of REWARD_COMPONENTS) {
      expect(rewardSchema.arrowSchema.fields.find((field) => field.name === component)?.nullable).toBe(true);
    }
  });
});
