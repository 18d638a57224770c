import { makeData, RecordBatch, Struct, Table, type Data } from 'apache-arrow';
import { batchLabel } from './batch-error';
import { checkValues, type ColumnSource } from './check-values';
import type { Column } from './column';
import { describeValue } from './describe-value';
import type { ColumnsOfColumns, RecordSchema, RowOfColumns } from './schema';

/** A validated batch of `schema` from rows; throws a TypeError naming the column and row of a bad value. */
export function buildBatch<Cols extends readonly Column[]>(
  schema: RecordSchema<Cols>,
  rows: readonly RowOfColumns<Cols>[],
): Table {
  const label = batchLabel(schema);
  if (!Array.isArray(rows)) throw new TypeError(`${label}: expected an array of rows, found ${describeValue(rows)}`);
  rows.forEach((row, index) => {
    if (typeof row !== 'object' || row === null) {
      throw new TypeError(`${label}: row ${index}: expected an object, found ${describeValue(row)}`);
    }
  });
  const valuesOf = (column: Column) => rows.map((row) => (row as Readonly<Record<string, unknown>>)[column.field]);
  return buildChecked(schema, rows.length, valuesOf);
}

/**
 * A validated batch of `schema` from one array per row field: plain arrays (null where a row has
 * no value), or Int32Array / Float32Array for numeric columns. The fast way to build large batches.
 */
export function batchFromColumns<Cols extends readonly Column[]>(
  schema: RecordSchema<Cols>,
  columns: ColumnsOfColumns<Cols>,
): Table {
  const label = batchLabel(schema);
  if (typeof columns !== 'object' || columns === null) {
    throw new TypeError(`${label}: expected an object of columns, found ${describeValue(columns)}`);
  }
  const inputs = columns as Readonly<Record<string, unknown>>;
  checkNoUnknownFields(schema, inputs, label);
  const length = columnLength(schema, inputs, label);
  return buildChecked(schema, length, (column) => inputs[column.field] as ArrayLike<unknown>);
}

function checkNoUnknownFields(schema: RecordSchema, inputs: Readonly<Record<string, unknown>>, label: string): void {
  const fields = schema.columns.map((column) => column.field);
  const unknown = Object.keys(inputs).find((key) => !fields.includes(key));
  if (unknown !== undefined) {
    throw new TypeError(`${label}: unknown field "${unknown}" (the fields of ${schema.name} are ${fields.join(', ')})`);
  }
}

/** The common length of all column inputs; throws when one is missing, not an array, or of another length. */
function columnLength(schema: RecordSchema, inputs: Readonly<Record<string, unknown>>, label: string): number {
  let length: number | undefined;
  let first = '';
  for (const column of schema.columns) {
    const input = inputs[column.field];
    const where = `column "${column.name}" (field "${column.field}")`;
    if (input === undefined) throw new TypeError(`${label}: missing values for ${where}`);
    if (!isArrayLike(input)) {
      throw new TypeError(`${label}: ${where}: expected an array or a typed array, found ${describeValue(input)}`);
    }
    if (length === undefined) [length, first] = [input.length, column.name];
    else if (input.length !== length) {
      throw new TypeError(`${label}: ${where} has ${input.length} values, expected ${length} (as column "${first}")`);
    }
  }
  return length ?? 0;
}

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

function buildChecked(
  schema: RecordSchema,
  length: number,
  valuesOf: (column: Column) => ArrayLike<unknown>,
): Table {
  const values = schema.columns.map(valuesOf);
  const sources: ColumnSource[] = values.map((columnValues) => ({ get: (row) => columnValues[row] }));
  checkValues(schema, length, sources, batchLabel(schema));
  const children = schema.columns.map((column, i) => column.codec.build(values[i]));
  return tableOf(schema, length, children);
}

function tableOf(schema: RecordSchema, length: number, children: Data[]): Table {
  const { arrowSchema } = schema;
  const data = makeData({ type: new Struct(arrowSchema.fields), length, nullCount: 0, children });
  return new Table(arrowSchema, [new RecordBatch(arrowSchema, data)]);
}
