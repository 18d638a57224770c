import { readFileSync } from 'node:fs';
import { tableFromIPC, tableToIPC, type Table } from 'apache-arrow';
import {
  Compression,
  readParquet as readParquetToWasm,
  Table as WasmTable,
  writeParquet as writeParquetFromWasm,
  WriterPropertiesBuilder,
} from 'parquet-wasm';
import { writeFileAtomic } from './atomic-write';
import { requireSchemaMetadata } from './schema-metadata';
import type { RecordSchema } from './schema';
import { validateTable } from './validate';

const IN_MEMORY = 'Parquet bytes';

/*
 * Arrow and Parquet meet through Arrow IPC stream bytes, which parquet-wasm (its synchronous Node
 * build) reads into and writes from WebAssembly memory. parquet-wasm stores the Arrow schema in
 * the Parquet key-value metadata ("ARROW:schema") and restores it on read, so the schema metadata
 * (`mixed_r1.schema`, `mixed_r1.version`), field nullability and the exact Arrow types
 * (FixedSizeList, Int32, Float32) come back unchanged; parquet.spec.ts pins this.
 */

export function tableToParquetBytes(table: Table): Uint8Array {
  requireSchemaMetadata(table.schema.metadata, IN_MEMORY);
  return encodeParquet(table);
}

/** A batch of `schema` from Parquet bytes; checks the schema name, version and values. */
export function tableFromParquetBytes(bytes: Uint8Array, schema: RecordSchema, source: string = IN_MEMORY): Table {
  const table = decodeParquet(bytes, source);
  validateTable(schema, table, source);
  return table;
}

export function writeParquet(path: string, table: Table): void {
  requireSchemaMetadata(table.schema.metadata, path);
  writeFileAtomic(path, encodeParquet(table));
}

export function readParquet(path: string, schema: RecordSchema): Table {
  return tableFromParquetBytes(readFileSync(path), schema, path);
}

function encodeParquet(table: Table): Uint8Array {
  // Both calls consume their wasm objects (wasm-bindgen moves them), so nothing is left to free.
  const wasmTable = WasmTable.fromIPCStream(tableToIPC(table, 'stream'));
  const properties = new WriterPropertiesBuilder().setCompression(Compression.ZSTD).build();
  return writeParquetFromWasm(wasmTable, properties);
}

function decodeParquet(bytes: Uint8Array, source: string): Table {
  let ipc: Uint8Array;
  try {
    ipc = readParquetToWasm(bytes).intoIPCStream();
  } catch (error) {
    throw new TypeError(`${source}: not readable as Parquet (${describeWasmError(error)})`, { cause: error });
  }
  return tableFromIPC(ipc);
}

function describeWasmError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
