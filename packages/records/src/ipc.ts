import { readFileSync } from 'node:fs';
import { tableFromIPC, tableToIPC, type Table } from 'apache-arrow';
import { writeFileAtomic } from './atomic-write';
import { requireSchemaMetadata } from './schema-metadata';
import type { RecordSchema } from './schema';
import { validateTable } from './validate';

/** Arrow IPC file format (random access, `.arrow`) or stream format (`.arrows`). */
export type IpcFormat = 'file' | 'stream';

const IN_MEMORY = 'Arrow IPC bytes';

export function tableToIpcBytes(table: Table, format: IpcFormat): Uint8Array {
  requireSchemaMetadata(table.schema.metadata, IN_MEMORY);
  return tableToIPC(table, format);
}

/** A batch of `schema` from IPC bytes of either format; checks the schema name, version and values. */
export function tableFromIpcBytes(bytes: Uint8Array, schema: RecordSchema, source: string = IN_MEMORY): Table {
  const table = parseIpc(bytes, source);
  validateTable(schema, table, source);
  return table;
}

export function writeIpcFile(path: string, table: Table): void {
  writeIpc(path, table, 'file');
}

export function readIpcFile(path: string, schema: RecordSchema): Table {
  return tableFromIpcBytes(readFileSync(path), schema, path);
}

export function writeIpcStream(path: string, table: Table): void {
  writeIpc(path, table, 'stream');
}

export function readIpcStream(path: string, schema: RecordSchema): Table {
  return tableFromIpcBytes(readFileSync(path), schema, path);
}

function writeIpc(path: string, table: Table, format: IpcFormat): void {
  requireSchemaMetadata(table.schema.metadata, path);
  writeFileAtomic(path, tableToIPC(table, format));
}

function parseIpc(bytes: Uint8Array, source: string): Table {
  try {
    return tableFromIPC(bytes);
  } catch (error) {
    throw new TypeError(`${source}: not readable as Arrow IPC (${(error as Error).message})`, { cause: error });
  }
}
