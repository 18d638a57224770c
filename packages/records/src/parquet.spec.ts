import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBatch } from './build';
import { readParquet, tableFromParquetBytes, tableToParquetBytes, writeParquet } from './parquet';
import { rowsFromBatch } from './rows';
import { rewardSchema } from './schemas/reward';
import { rolloutSchema } from './schemas/rollout';
import { sampleSchema } from './schemas/sample';
import { SchemaVersionError } from './schema-version';
import { alterTable, temporaryFolder } from './spec-helpers';
import { exampleRewardRows, exampleRolloutRows, exampleSampleRows } from './testing';

describe('Parquet', () => {
  const folder = temporaryFolder();
  afterAll(folder.remove);
  const samples = () => buildBatch(sampleSchema, exampleSampleRows());

  it('writes a Parquet file (PAR1 magic at both ends)', () => {
    const path = join(folder.path, 'samples.parquet');
    writeParquet(path, samples());
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PAR1');
    expect(bytes.subarray(bytes.length - 4).toString('latin1')).toBe('PAR1');
  });

  it('keeps the schema metadata, the Arrow types and the nullability', () => {
    const table = tableFromParquetBytes(tableToParquetBytes(samples()), sampleSchema);
    expect(table.schema.metadata.get('mixed_r1.schema')).toBe('sample');
    expect(table.schema.metadata.get('mixed_r1.version')).toBe('1');
    const describe = (fields: typeof table.schema.fields) => fields.map((f) => `${f.name}: ${f.type} ${f.nullable}`);
    expect(describe(table.schema.fields)).toEqual(describe(sampleSchema.arrowSchema.fields));
  });

  it('round-trips values: nulls, empty lists, bytes, unicode, boxes and Float32', () => {
    const path = join(folder.path, 'rollouts.parquet');
    writeParquet(path, buildBatch(rolloutSchema, exampleRolloutRows()));
    expect(rowsFromBatch(rolloutSchema, readParquet(path, rolloutSchema))).toEqual(exampleRolloutRows());
    const table = tableFromParquetBytes(tableToParquetBytes(samples()), sampleSchema);
    expect(table.getChild('image_bytes')?.get(0)).toEqual(
      Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 255, 127, 128),
    );
    expect(table.getChild('answer_box')?.get(0)).toBeNull();
    expect(table.getChild('question')?.get(2)).toBe('What was the revenue in 2020 (in € millions)?');
  });

  it('round-trips an empty batch', () => {
    const empty = tableFromParquetBytes(tableToParquetBytes(buildBatch(rewardSchema, [])), rewardSchema);
    expect(empty.numRows).toBe(0);
    expect(empty.schema.fields.map((f) => f.name)).toEqual(rewardSchema.columns.map((c) => c.name));
  });

  it('throws a SchemaVersionError naming the file when it holds another schema or version', () => {
    const path = join(folder.path, 'rewards.parquet');
    writeParquet(path, buildBatch(rewardSchema, exampleRewardRows()));
    expect(() => readParquet(path, sampleSchema)).toThrow(SchemaVersionError);
    expect(() => readParquet(path, sampleSchema)).toThrow(
      `${path}: expected a "sample" batch of schema version 1, found a "reward" batch of schema version 1.`,
    );
    const version3 = alterTable(samples(), {
      metadata: new Map([
        ['mixed_r1.schema', 'sample'],
        ['mixed_r1.version', '3'],
      ]),
    });
    writeParquet(path, version3);
    expect(() => readParquet(path, sampleSchema)).toThrow(
      `${path}: expected a "sample" batch of schema version 1, found schema version "3"`,
    );
  });

  it('says when bytes are not Parquet', () => {
    const path = join(folder.path, 'not.parquet');
    writeFileSync(path, 'PAR1 but not really a parquet file PAR1');
    expect(() => readParquet(path, sampleSchema)).toThrow(`${path}: not readable as Parquet`);
  });
});
