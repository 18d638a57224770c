import type { Table, Vector } from 'apache-arrow';
import type { Column } from './column';
import type { RecordSchema, RowOfColumns } from './schema';
import { validateBatch } from './validate';

/**
 * The rows of a batch, validated first: camelCase fields, null for null values, typed arrays for
 * numeric lists. Values share no memory with the table (the typed arrays of one column are views
 * into one copy of that column's items).
 */
export function rowsFromBatch<Cols extends readonly Column[]>(
  schema: RecordSchema<Cols>,
  table: Table,
): RowOfColumns<Cols>[] {
  validateBatch(schema, table);
  const readers = schema.columns.map((column) => columnReader(column, table));
  const rows: Record<string, unknown>[] = [];
  for (let index = 0; index < table.numRows; index++) {
    const row: Record<string, unknown> = {};
    readers.forEach(({ field, read }) => (row[field] = read(index)));
    rows.push(row);
  }
  return rows as RowOfColumns<Cols>[];
}

function columnReader(column: Column, table: Table): { field: string; read: (row: number) => unknown } {
  // validateBatch has checked that the column is there
  return { field: column.field, read: column.codec.reader(table.getChild(column.name) as Vector, 'copy') };
}
