import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableToIPC, type Table } from 'apache-arrow';
import { buildBatch } from './build';
import {
  readIpcFile,
  readIpcStream,
  tableFromIpcBytes,
  tableToIpcBytes,
  writeIpcFile,
  writeIpcStream,
} from './ipc';
import { rowsFromBatch } from './rows';
import { rolloutSchema } from './schemas/rollout';
import { sampleSchema } from './schemas/sample';
import { SchemaVersionError } from './schema-version';
import { alterTable, temporaryFolder } from './spec-helpers';
import { exampleRolloutRows, exampleSampleRows } from './testing';

const metadata = (name: string, version: string) =>
  new Map([
    ['mixed_r1.schema', name],
    ['mixed_r1.version', version],
  ]);

describe('Arrow IPC', () => {
  const folder = temporaryFolder();
  afterAll(folder.remove);
  const samples = () => buildBatch(sampleSchema, exampleSampleRows());

  it('round-trips a batch through an IPC file and an IPC stream', () => {
    const filePath = join(folder.path, 'samples.arrow');
    const streamPath = join(folder.path, 'samples.arrows');
    writeIpcFile(filePath, samples());
    writeIpcStream(streamPath, samples());
    expect(rowsFromBatch(sampleSchema, readIpcFile(filePath, sampleSchema))).toEqual(exampleSampleRows());
    expect(rowsFromBatch(sampleSchema, readIpcStream(streamPath, sampleSchema))).toEqual(exampleSampleRows());
  });

  it('writes the file format with its ARROW1 magic and the stream format without', () => {
    const file = tableToIpcBytes(samples(), 'file');
    const stream = tableToIpcBytes(samples(), 'stream');
    const magic = (bytes: Uint8Array, at: number) => Buffer.from(bytes.subarray(at, at + 6)).toString('latin1');
    expect(magic(file, 0)).toBe('ARROW1');
    expect(magic(file, file.length - 6)).toBe('ARROW1');
    expect(magic(stream, 0)).not.toBe('ARROW1');
  });

  it('round-trips in memory, keeping the schema metadata', () => {
    const bytes = tableToIpcBytes(buildBatch(rolloutSchema, exampleRolloutRows()), 'stream');
    const table = tableFromIpcBytes(bytes, rolloutSchema);
    expect(table.schema.metadata).toEqual(metadata('rollout', '1'));
    expect(rowsFromBatch(rolloutSchema, table)).toEqual(exampleRolloutRows());
  });

  it('throws a SchemaVersionError naming the file when it holds another schema', () => {
    const path = join(folder.path, 'rollouts.arrow');
    writeIpcFile(path, buildBatch(rolloutSchema, exampleRolloutRows()));
    const read = () => readIpcFile(path, sampleSchema);
    expect(read).toThrow(SchemaVersionError);
    expect(read).toThrow(
      `${path}: expected a "sample" batch of schema version 1, found a "rollout" batch of schema version 1. ` +
        'Read it with the "rollout" schema, or rebuild it as a "sample" batch.',
    );
  });

  it('throws a SchemaVersionError naming the file when it holds another version', () => {
    const path = join(folder.path, 'samples-v2.arrows');
    writeIpcStream(path, alterTable(samples(), { metadata: metadata('sample', '2') }));
    let error: unknown;
    try {
      readIpcStream(path, sampleSchema);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SchemaVersionError);
    expect(error).toMatchObject({
      name: 'SchemaVersionError',
      source: path,
      expected: { name: 'sample', version: 1 },
      found: { name: 'sample', version: '2' },
      message:
        `${path}: expected a "sample" batch of schema version 1, found schema version "2". ` +
        'Rebuild it with this version of @mixed-r1/records (schema version 1), ' +
        'or read it with the version of @mixed-r1/records that wrote it.',
    });
  });

  it('throws a SchemaVersionError when the file has no schema metadata', () => {
    const path = join(folder.path, 'foreign.arrow');
    const foreign: Table = alterTable(samples(), { metadata: new Map() });
    writeFileSync(path, tableToIPC(foreign, 'file'));
    expect(() => readIpcFile(path, sampleSchema)).toThrow(
      new SchemaVersionError(
        path,
        { name: 'sample', version: 1 },
        { name: undefined, version: undefined },
        `${path}: expected a "sample" batch of schema version 1, but the Arrow schema metadata has no ` +
          '"mixed_r1.schema" key, so it was not written by @mixed-r1/records. ' +
          'Rebuild it with buildBatch and writeTable from @mixed-r1/records.',
      ),
    );
    const onlyName = alterTable(samples(), { metadata: new Map([['mixed_r1.schema', 'sample']]) });
    writeFileSync(path, tableToIPC(onlyName, 'file'));
    expect(() => readIpcFile(path, sampleSchema)).toThrow('has no "mixed_r1.version" key');
  });

  it('validates the values it reads, naming the file', () => {
    const path = join(folder.path, 'bad-metadata.arrow');
    const bad = alterTable(samples(), { drop: ['metadata'] });
    writeIpcFile(path, bad);
    expect(() => readIpcFile(path, sampleSchema)).toThrow(`${path}: sample batch: missing column "metadata"`);
  });

  it('refuses to write a table without schema metadata, which could not be read back', () => {
    const path = join(folder.path, 'unreadable.arrow');
    expect(() => writeIpcFile(path, alterTable(samples(), { metadata: new Map() }))).toThrow(
      `${path}: the table has no "mixed_r1.schema" key in its Arrow schema metadata`,
    );
  });

  it('says when bytes are not Arrow IPC', () => {
    const path = join(folder.path, 'not-arrow.arrow');
    writeFileSync(path, 'just some text, long enough to look like something');
    expect(() => readIpcFile(path, sampleSchema)).toThrow(`${path}: not readable as Arrow IPC`);
  });
});
