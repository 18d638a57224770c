import { extname } from 'node:path';
import type { Table } from 'apache-arrow';
import { readIpcFile, readIpcStream, writeIpcFile, writeIpcStream } from './ipc';
import { readParquet, writeParquet } from './parquet';
import type { RecordSchema } from './schema';

interface TableFileFormat {
  write(path: string, table: Table): void;
  read(path: string, schema: RecordSchema): Table;
}

const ipcFile: TableFileFormat = { write: writeIpcFile, read: readIpcFile };
const ipcStream: TableFileFormat = { write: writeIpcStream, read: readIpcStream };
const parquet: TableFileFormat = { write: writeParquet, read: readParquet };

/** The file formats by extension. */
const FORMATS: Readonly<Record<string, TableFileFormat>> = {
  '.arrow': ipcFile,
  '.feather': ipcFile,
  '.ipc': ipcFile,
  '.arrows': ipcStream,
  '.parquet': parquet,
};

export const TABLE_FILE_EXTENSIONS: readonly string[] = Object.keys(FORMATS);

/** Writes a batch atomically in the format its extension names (see TABLE_FILE_EXTENSIONS). */
export function writeTable(path: string, table: Table): void {
  formatOf(path).write(path, table);
}

/** Reads and validates a batch of `schema` in the format its extension names. */
export function readTable(path: string, schema: RecordSchema): Table {
  return formatOf(path).read(path, schema);
}

function formatOf(path: string): TableFileFormat {
  const extension = extname(path).toLowerCase();
  const format = Object.hasOwn(FORMATS, extension) ? FORMATS[extension] : undefined;
  if (!format) {
    throw new TypeError(
      `${path}: unknown table file extension "${extension}"; use one of ${TABLE_FILE_EXTENSIONS.join(', ')}`,
    );
  }
  return format;
}
