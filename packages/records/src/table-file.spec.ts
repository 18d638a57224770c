import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBatch } from './build';
import { rowsFromBatch } from './rows';
import type { RecordSchema } from './schema';
import { advantageSchema } from './schemas/advantage';
import { rewardSchema } from './schemas/reward';
import { rolloutSchema } from './schemas/rollout';
import { sampleSchema } from './schemas/sample';
import { temporaryFolder } from './spec-helpers';
import { readTable, TABLE_FILE_EXTENSIONS, writeTable } from './table-file';
import { exampleAdvantageRows, exampleRewardRows, exampleRolloutRows, exampleSampleRows } from './testing';

const batches: ReadonlyArray<readonly [string, RecordSchema, () => readonly object[]]> = [
  ['sample', sampleSchema, exampleSampleRows],
  ['rollout', rolloutSchema, exampleRolloutRows],
  ['reward', rewardSchema, exampleRewardRows],
  ['advantage', advantageSchema, exampleAdvantageRows],
];
const cases = batches.flatMap(([name, schema, rows]) =>
  TABLE_FILE_EXTENSIONS.map((extension) => [name, extension, schema, rows] as const),
);

describe('writeTable and readTable', () => {
  const folder = temporaryFolder();
  afterAll(folder.remove);

  it('know the IPC file, IPC stream and Parquet extensions', () => {
    expect(TABLE_FILE_EXTENSIONS).toEqual(['.arrow', '.feather', '.ipc', '.arrows', '.parquet']);
  });

  it.each(cases)('round-trip %s rows through a %s file', (name, extension, schema, rows) => {
    const path = join(folder.path, `${name}${extension}`);
    const original = buildBatch(schema, rows() as never);
    writeTable(path, original);
    const read = readTable(path, schema);
    expect(read.numRows).toBe(original.numRows);
    expect(read.schema.metadata).toEqual(original.schema.metadata);
    expect(rowsFromBatch(schema, read)).toEqual(rows());
  });

  it('choose the format by extension, whatever its case', () => {
    const table = buildBatch(advantageSchema, exampleAdvantageRows());
    const magicOf = (path: string) => readFileSync(path).subarray(0, 6).toString('latin1');
    for (const name of ['a.arrow', 'a.feather', 'a.ipc', 'a.ARROW']) writeTable(join(folder.path, name), table);
    writeTable(join(folder.path, 'a.arrows'), table);
    writeTable(join(folder.path, 'a.Parquet'), table);
    expect(magicOf(join(folder.path, 'a.arrow'))).toBe('ARROW1');
    expect(magicOf(join(folder.path, 'a.feather'))).toBe('ARROW1');
    expect(magicOf(join(folder.path, 'a.ipc'))).toBe('ARROW1');
    expect(magicOf(join(folder.path, 'a.ARROW'))).toBe('ARROW1');
    expect(magicOf(join(folder.path, 'a.arrows'))).not.toBe('ARROW1');
    expect(magicOf(join(folder.path, 'a.Parquet')).slice(0, 4)).toBe('PAR1');
    expect(rowsFromBatch(advantageSchema, readTable(join(folder.path, 'a.Parquet'), advantageSchema))).toEqual(
      exampleAdvantageRows(),
    );
  });

  it('reject an unknown extension, listing the known ones', () => {
    const table = buildBatch(advantageSchema, exampleAdvantageRows());
    const path = join(folder.path, 'advantages.csv');
    expect(() => writeTable(path, table)).toThrow(
      `${path}: unknown table file extension ".csv"; use one of .arrow, .feather, .ipc, .arrows, .parquet`,
    );
    expect(() => readTable(join(folder.path, 'advantages'), advantageSchema)).toThrow(
      'unknown table file extension ""',
    );
  });
});
