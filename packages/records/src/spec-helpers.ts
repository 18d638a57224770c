// Helpers for this package's specs: temporary folders and tables altered column by column.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Field,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  Table,
  vectorFromArray,
  type DataType,
  type Vector,
} from 'apache-arrow';

/** A fresh folder under the system's temporary folder, and a way to remove it. */
export function temporaryFolder(): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'mixed-r1-records-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export interface NewColumn {
  readonly type: DataType;
  readonly values: readonly unknown[];
  readonly nullable?: boolean;
}

export interface TableChanges {
  /** Columns to replace (or add, when absent) with these values of this Arrow type. */
  readonly set?: Readonly<Record<string, NewColumn>>;
  readonly drop?: readonly string[];
  readonly metadata?: ReadonlyMap<string, string>;
}

/** A copy of a single-batch `table` with some columns replaced, added or dropped. */
export function alterTable(table: Table, changes: TableChanges): Table {
  const columns = new Map<string, { field: Field; vector: Vector }>();
  table.schema.fields.forEach((field, i) => columns.set(field.name, { field, vector: table.getChildAt(i) as Vector }));
  for (const name of changes.drop ?? []) columns.delete(name);
  for (const [name, { type, values, nullable = true }] of Object.entries(changes.set ?? {})) {
    columns.set(name, { field: new Field(name, type, nullable), vector: vectorFromArray(values as unknown[], type) });
  }
  const entries = [...columns.values()];
  const schema = new Schema(
    entries.map((entry) => entry.field),
    new Map(changes.metadata ?? table.schema.metadata),
  );
  const children = entries.map((entry) => singleChunk(entry.vector));
  const data = makeData({ type: new Struct(schema.fields), length: table.numRows, nullCount: 0, children });
  return new Table(schema, [new RecordBatch(schema, data)]);
}

function singleChunk(vector: Vector) {
  if (vector.data.length !== 1) throw new Error(`alterTable works on single-batch tables, found ${vector.data.length}`);
  return vector.data[0];
}

/** The same rows split into one record batch per row: a table of many chunks. */
export function splitIntoBatches(table: Table): Table {
  const batches = Array.from({ length: table.numRows }, (_, row) => table.slice(row, row + 1).batches[0]);
  return new Table(table.schema, batches);
}
