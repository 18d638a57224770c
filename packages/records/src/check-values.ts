import type { Vector } from 'apache-arrow';
import { valueError } from './batch-error';
import type { Column } from './column';
import { describeValue } from './describe-value';
import type { RowCheck } from './row-check';
import type { RecordSchema } from './schema';

/** One column's values to check, read by row. */
export interface ColumnSource {
  get(row: number): unknown;
  /** The Arrow column the values come from, when they come from one of the codec's own type. */
  readonly vector?: Vector;
}

/**
 * Checks every value of every column against its codec and nullability, then the schema's row
 * checks; throws a TypeError naming the column, the row, what was expected and what was found.
 * `sources` follows `schema.columns`.
 */
export function checkValues(
  schema: RecordSchema,
  length: number,
  sources: readonly ColumnSource[],
  label: string,
): void {
  schema.columns.forEach((column, i) => checkColumn(column, sources[i], length, label));
  for (const rowCheck of schema.rowChecks) checkRows(schema, rowCheck, sources, length, label);
}

function checkColumn(column: Column, source: ColumnSource, length: number, label: string): void {
  if (source.vector && column.codec.arrowTypeSuffices) {
    checkNoNulls(column, source.vector, label);
    return;
  }
  const { codec, nullable } = column;
  for (let row = 0; row < length; row++) {
    const value = source.get(row);
    if (value === null ? !nullable : !codec.accepts(value)) {
      throw valueError(label, column.name, row, { expected: expectedOf(column), found: describeValue(value) });
    }
  }
}

/** For values whose Arrow type already makes them valid: only a null in a required column is wrong. */
function checkNoNulls(column: Column, vector: Vector, label: string): void {
  if (column.nullable || vector.nullCount === 0) return;
  for (let row = 0; row < vector.length; row++) {
    if (!vector.isValid(row)) {
      throw valueError(label, column.name, row, { expected: expectedOf(column), found: 'null' });
    }
  }
}

function expectedOf(column: Column): string {
  return column.nullable ? `${column.codec.expected} or null` : column.codec.expected;
}

function checkRows(
  schema: RecordSchema,
  rowCheck: RowCheck<Record<string, unknown>>,
  sources: readonly ColumnSource[],
  length: number,
  label: string,
): void {
  const readers = rowCheck.fields.map((field) => sources[columnIndexOf(schema, field)]);
  const row: Record<string, unknown> = {};
  for (let index = 0; index < length; index++) {
    rowCheck.fields.forEach((field, k) => (row[field] = readers[k].get(index)));
    const problem = rowCheck.check(row);
    if (problem) throw valueError(label, rowCheck.column, index, problem);
  }
}

function columnIndexOf(schema: RecordSchema, field: string): number {
  const index = schema.columns.findIndex((column) => column.field === field);
  if (index < 0) throw new TypeError(`${schema.name} schema: a row check reads field "${field}", which has no column`);
  return index;
}
