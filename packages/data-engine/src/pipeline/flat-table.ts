import { readFileSync } from 'node:fs';
import { Field, Float32, Int32, makeData, RecordBatch, Schema, Struct, Table, tableFromIPC, Utf8, vectorFromArray, type DataType } from 'apache-arrow';
import { SCHEMA_NAME_KEY, SCHEMA_VERSION_KEY, SchemaVersionError, writeIpcFile } from '@mixed-r1/records';

// Small versioned Arrow tables of flat columns (text and numbers) that this package owns, stored
// the way the records package stores its schemas: name and version in the Arrow schema metadata,
// every value checked when a table is built or read.

type Kind = 'utf8' | 'float32' | 'int32';

export interface FlatColumn {
  readonly name: string;
  readonly field: string;
  readonly kind: Kind;
  readonly nullable?: boolean;
  /** What a valid value is, for errors, and the test (given a string for utf8, a number otherwise). */
  readonly rule?: { readonly expected: string; readonly holds: (value: never) => boolean };
}

export interface FlatSchema<Row> {
  readonly name: string;
  readonly version: number;
  readonly columns: readonly FlatColumn[];
  /** Marks the row type. */
  readonly row?: Row;
}

const ARROW_TYPES: Record<Kind, () => DataType> = { utf8: () => new Utf8(), float32: () => new Float32(), int32: () => new Int32() };

function arrowSchemaOf(schema: FlatSchema<unknown>): Schema {
  const fields = schema.columns.map((column) => new Field(column.name, ARROW_TYPES[column.kind](), column.nullable ?? false));
  return new Schema(fields, new Map([[SCHEMA_NAME_KEY, schema.name], [SCHEMA_VERSION_KEY, String(schema.version)]]));
}

/** A checked table of `rows`; throws a TypeError naming the column and row of a bad value. */
function flatTable<Row>(schema: FlatSchema<Row>, rows: readonly Row[]): Table {
  const arrowSchema = arrowSchemaOf(schema);
  const children = schema.columns.map((column, index) => {
    const values = rows.map((row, rowIndex) => checkValue(schema, column, (row as Record<string, unknown>)[column.field], `row ${rowIndex}`));
    const vector = vectorFromArray(values, arrowSchema.fields[index].type);
    if (vector.data.length !== 1) throw new Error(`${schema.name} table: column "${column.name}" was built in ${vector.data.length} chunks, expected 1`);
    return vector.data[0];
  });
  const data = makeData({ type: new Struct(arrowSchema.fields), length: rows.length, nullCount: 0, children });
  return new Table(arrowSchema, [new RecordBatch(arrowSchema, data)]);
}

export function writeFlatTable<Row>(path: string, schema: FlatSchema<Row>, rows: readonly Row[]): void {
  writeIpcFile(path, flatTable(schema, rows));
}

/** The rows of an Arrow IPC file of `schema`: checks its name, version, columns and values. */
export function readFlatTable<Row>(path: string, schema: FlatSchema<Row>): Row[] {
  let table: Table;
  try {
    table = tableFromIPC(readFileSync(path));
  } catch (error) {
    throw new TypeError(`${path}: not readable as an Arrow IPC file of the "${schema.name}" schema (${(error as Error).message})`, { cause: error });
  }
  checkIdentity(path, schema, table.schema.metadata);
  const vectors = schema.columns.map((column) => {
    const field = table.schema.fields.find((candidate) => candidate.name === column.name);
    if (!field) throw new TypeError(`${path}: missing column "${column.name}" (the columns of ${schema.name} are ${schema.columns.map((c) => c.name).join(', ')})`);
    if (String(field.type) !== String(ARROW_TYPES[column.kind]())) throw new TypeError(`${path}: column "${column.name}": expected Arrow type ${ARROW_TYPES[column.kind]()}, found ${field.type}`);
    const vector = table.getChild(column.name);
    if (!vector) throw new TypeError(`${path}: column "${column.name}" has no data`);
    return vector;
  });
  const rows: Row[] = [];
  for (let index = 0; index < table.numRows; index++) {
    const row: Record<string, unknown> = {};
    schema.columns.forEach((column, c) => (row[column.field] = checkValue(schema, column, vectors[c].get(index), `${path}: row ${index}`)));
    rows.push(row as Row);
  }
  return rows;
}

function checkValue(schema: FlatSchema<unknown>, column: FlatColumn, value: unknown, where: string): unknown {
  if (value === null || value === undefined) {
    if (column.nullable) return null;
    throw new TypeError(`${schema.name} table: ${where}: column "${column.name}": expected a value, found ${String(value)}`);
  }
  const rightKind = column.kind === 'utf8' ? typeof value === 'string' : typeof value === 'number' && Number.isFinite(value) && (column.kind !== 'int32' || Number.isInteger(value));
  const expected = column.rule?.expected ?? (column.kind === 'utf8' ? 'a string' : column.kind === 'int32' ? 'a whole number' : 'a finite number');
  if (!rightKind || (column.rule && !column.rule.holds(value as never))) {
    throw new TypeError(`${schema.name} table: ${where}: column "${column.name}": expected ${expected}, found ${JSON.stringify(value)}`);
  }
  return value;
}

function checkIdentity(path: string, schema: FlatSchema<unknown>, metadata: ReadonlyMap<string, string>): void {
  const found = { name: metadata.get(SCHEMA_NAME_KEY), version: metadata.get(SCHEMA_VERSION_KEY) };
  if (found.name !== schema.name || found.version !== String(schema.version)) {
    throw new SchemaVersionError(
      path,
      { name: schema.name, version: schema.version },
      found,
      `${path}: expected a "${schema.name}" table of version ${schema.version}, found ${found.name === undefined ? 'no schema name' : `"${found.name}"`} of version ${found.version ?? 'none'} in its Arrow schema metadata`,
    );
  }
}
