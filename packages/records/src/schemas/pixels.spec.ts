import { join } from 'node:path';
import { Float32 } from 'apache-arrow';
import { batchFromColumns, buildBatch } from '../build';
import { rowsFromBatch } from '../rows';
import { splitIntoBatches, alterTable, temporaryFolder } from '../spec-helpers';
import { readTable, writeTable } from '../table-file';
import { validateBatch } from '../validate';
import { PIXEL_PROCESSORS, pixelsSchema, type PixelsRow } from './pixels';

/** Values exactly representable as Float32, so rows survive a round trip unchanged. */
const ramp = (length: number, scale: number) => Float32Array.from({ length }, (_, i) => (i - length / 2) * scale);

function exampleRows(): PixelsRow[] {
  return [
    // A 56x56 Qwen2.5-VL image: grid 1x4x4, 16 patch rows of 1176 values, 4 tokens.
    {
      sampleId: 'qwen-0',
      processor: 'qwen2_5_vl',
      gridT: 1,
      gridH: 4,
      gridW: 4,
      inputWidth: 56,
      inputHeight: 56,
      rowLength: 1176,
      rowCount: 16,
      tokenCount: 4,
      rows: ramp(16 * 1176, 0.125),
    },
    // A toy InternVL-like row layout: 2x1 tiles and a thumbnail, 3 rows of 12 values.
    {
      sampleId: 'internvl-ñ-1',
      processor: 'internvl',
      gridT: 1,
      gridH: 1,
      gridW: 2,
      inputWidth: 896,
      inputHeight: 448,
      rowLength: 12,
      rowCount: 3,
      tokenCount: 768,
      rows: ramp(36, -0.5),
    },
  ];
}

describe('the pixels schema', () => {
  it('has the specified Arrow columns, types and nullability', () => {
    const fields = pixelsSchema.arrowSchema.fields.map((field) => [field.name, String(field.type), field.nullable]);
    expect(fields).toEqual([
      ['sample_id', 'Utf8', false],
      ['processor', 'Utf8', false],
      ['grid_t', 'Int32', false],
      ['grid_h', 'Int32', false],
      ['grid_w', 'Int32', false],
      ['input_width', 'Int32', false],
      ['input_height', 'Int32', false],
      ['row_length', 'Int32', false],
      ['row_count', 'Int32', false],
      ['token_count', 'Int32', false],
      ['rows', 'List<Float32>', false],
    ]);
  });

  it('carries its name and version 1 in the Arrow schema metadata', () => {
    expect(pixelsSchema.version).toBe(1);
    expect(Object.fromEntries(pixelsSchema.arrowSchema.metadata)).toEqual({
      'mixed_r1.schema': 'pixels',
      'mixed_r1.version': '1',
    });
  });

  it('names the two image processors', () => {
    expect(PIXEL_PROCESSORS).toEqual(['qwen2_5_vl', 'internvl']);
  });
});

describe('a pixels batch', () => {
  const folder = temporaryFolder();
  afterAll(folder.remove);

  it.each(['pixels.arrow', 'pixels.arrows', 'pixels.parquet'])('round-trips through a %s file unchanged', (name) => {
    const path = join(folder.path, name);
    writeTable(path, buildBatch(pixelsSchema, exampleRows()));
    const rows = rowsFromBatch(pixelsSchema, readTable(path, pixelsSchema));
    expect(rows).toEqual(exampleRows());
    expect(rows[0].rows).toBeInstanceOf(Float32Array);
  });

  it('reads back the same rows from a table of many record batches', () => {
    const table = splitIntoBatches(buildBatch(pixelsSchema, exampleRows()));
    expect(table.batches).toHaveLength(2);
    expect(rowsFromBatch(pixelsSchema, table)).toEqual(exampleRows());
  });

  it('builds the same batch from columns', () => {
    const rows = exampleRows();
    const column = <K extends keyof PixelsRow>(key: K) => rows.map((row) => row[key]);
    const table = batchFromColumns(pixelsSchema, {
      sampleId: column('sampleId'),
      processor: column('processor'),
      gridT: Int32Array.from(column('gridT')),
      gridH: column('gridH'),
      gridW: column('gridW'),
      inputWidth: column('inputWidth'),
      inputHeight: column('inputHeight'),
      rowLength: column('rowLength'),
      rowCount: column('rowCount'),
      tokenCount: column('tokenCount'),
      rows: column('rows'),
    });
    expect(rowsFromBatch(pixelsSchema, table)).toEqual(rows);
  });
});

describe('pixels batch errors', () => {
  const withRow = (change: Partial<PixelsRow>) => {
    const rows = exampleRows();
    rows[1] = { ...rows[1], ...change };
    return () => buildBatch(pixelsSchema, rows);
  };

  it('rejects rows whose length is not row_count * row_length', () => {
    expect(withRow({ rowCount: 4 })).toThrow(
      'pixels batch: column "rows" row 1: expected row_count * row_length = 4 * 12 = 48 values, found 36',
    );
  });

  it('rejects NaN and infinite values', () => {
    const rows = ramp(36, 1);
    rows[7] = Number.NaN;
    expect(withRow({ rows })).toThrow(/column "rows" row 1: expected a Float32Array of finite numbers/);
    expect(withRow({ rows: Float32Array.of(...ramp(35, 1), Infinity) })).toThrow(/column "rows" row 1/);
  });

  it('rejects an unknown processor, naming the valid ones', () => {
    expect(withRow({ processor: 'llava' as PixelsRow['processor'] })).toThrow(
      'pixels batch: column "processor" row 1: expected a processor name (one of qwen2_5_vl, internvl), found "llava"',
    );
  });

  it.each([
    ['grid_t', { gridT: 0 }],
    ['grid_h', { gridH: -1 }],
    ['grid_w', { gridW: 1.5 }],
    ['input_width', { inputWidth: 0 }],
    ['input_height', { inputHeight: 0 }],
    ['row_length', { rowLength: 0 }],
    ['row_count', { rowCount: 0 }],
    ['token_count', { tokenCount: 0 }],
  ] as const)('rejects %s below 1 or not a whole number', (name, change) => {
    expect(withRow(change)).toThrow(new RegExp(`column "${name}" row 1: expected an Int32 > 0`));
  });

  it('rejects a table read from elsewhere with a column of another Arrow type', () => {
    const table = buildBatch(pixelsSchema, exampleRows().slice(0, 1));
    const wrongType = alterTable(table, { set: { token_count: { type: new Float32(), values: [4], nullable: false } } });
    expect(() => validateBatch(pixelsSchema, wrongType)).toThrow(
      'pixels batch: column "token_count": expected Arrow type Int32, found Float32',
    );
  });
});
