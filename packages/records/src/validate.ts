import type { Table, Vector } from 'apache-arrow';
import { sameArrowType } from './arrow-type';
import { batchLabel } from './batch-error';
import { checkValues, type ColumnSource } from './check-values';
import type { Column } from './column';
import type { RecordSchema } from './schema';
import { checkSchemaIdentity } from './schema-version';

/**
 * Checks that `table` is a valid batch of `schema`: the schema name and version in its metadata
 * (when present), every column there with its Arrow type and no other, and every value valid.
 * Throws a TypeError naming the column, the row, what was expected and what was found, or a
 * SchemaVersionError when the metadata names another schema or version.
 */
export function validateBatch(schema: RecordSchema, table: Table): void {
  validateTable(schema, table);
}

/** validateBatch for a table read from `source` (a file or bytes): there the metadata is required. */
export function validateTable(schema: RecordSchema, table: Table, source?: string): void {
  checkSchemaIdentity(schema, table.schema.metadata, source ?? 'in-memory table', source ? 'required' : 'if-present');
  const label = batchLabel(schema, source);
  checkColumnNames(schema, table, label);
  const sources = schema.columns.map((column) => vectorSource(column, columnVector(table, column, label)));
  checkValues(schema, table.numRows, sources, label);
}

function checkColumnNames(schema: RecordSchema, table: Table, label: string): void {
  const expected = new Set(schema.columns.map((column) => column.name));
  const seen = new Set<string>();
  for (const { name } of table.schema.fields) {
    if (!expected.has(name)) {
      const valid = [...expected].join(', ');
      throw new TypeError(`${label}: unexpected column "${name}" (the columns of ${schema.name} are ${valid})`);
    }
    if (seen.has(name)) throw new TypeError(`${label}: column "${name}" appears twice`);
    seen.add(name);
  }
}

function columnVector(table: Table, column: Column, label: string): Vector {
  const field = table.schema.fields.find((candidate) => candidate.name === column.name);
  const vector = table.getChild(column.name);
  if (!field || !vector) throw new TypeError(`${label}: missing column "${column.name}"`);
  const expectedType = column.codec.arrowType();
  if (!sameArrowType(expectedType, field.type)) {
    throw new TypeError(`${label}: column "${column.name}": expected Arrow type ${expectedType}, found ${field.type}`);
  }
  return vector;
}

function vectorSource(column: Column, vector: Vector): ColumnSource {
  return { get: column.codec.reader(vector, 'view'), vector };
}
