import { Field, Schema } from 'apache-arrow';
import type { Column, ColumnInputOf, ValueOf } from './column';
import type { RowCheck } from './row-check';
import { SCHEMA_NAME_KEY, SCHEMA_VERSION_KEY } from './schema-metadata';

/**
 * A versioned record schema: the columns one pipeline stage hands to the next, described once.
 * The Arrow schema, the row type, the builders, the validation and the row conversion all
 * derive from `columns`.
 */
export interface RecordSchema<Cols extends readonly Column[] = readonly Column[]> {
  readonly name: string;
  readonly version: number;
  readonly columns: Cols;
  /** Rules across the fields of one row, run after every column has been checked. */
  readonly rowChecks: readonly RowCheck<RowOfColumns<Cols>>[];
  /** The Arrow schema, carrying `name` and `version` in its metadata. */
  readonly arrowSchema: Schema;
}

/** The row type of a list of columns: one field per column. */
export type RowOfColumns<Cols extends readonly Column[]> = {
  -readonly [C in Cols[number] as C['field']]: ValueOf<C>;
};

/** The column-wise input of a list of columns, keyed by row field. */
export type ColumnsOfColumns<Cols extends readonly Column[]> = {
  readonly [C in Cols[number] as C['field']]: ColumnInputOf<C>;
};

/** The row type of a schema, e.g. `RowOf<typeof sampleSchema>`. */
export type RowOf<S extends RecordSchema> = S extends RecordSchema<infer Cols> ? RowOfColumns<Cols> : never;

/** The column-wise input of a schema for `batchFromColumns`, e.g. `ColumnsOf<typeof rewardSchema>`. */
export type ColumnsOf<S extends RecordSchema> = S extends RecordSchema<infer Cols> ? ColumnsOfColumns<Cols> : never;

export interface SchemaSpec<Cols extends readonly Column[]> {
  readonly name: string;
  readonly version: number;
  readonly columns: Cols;
  readonly rowChecks?: readonly RowCheck<RowOfColumns<Cols>>[];
}

export function defineSchema<const Cols extends readonly Column[]>(spec: SchemaSpec<Cols>): RecordSchema<Cols> {
  assertDistinct(spec.name, 'column name', spec.columns.map((c) => c.name));
  assertDistinct(spec.name, 'row field', spec.columns.map((c) => c.field));
  return {
    name: spec.name,
    version: spec.version,
    columns: spec.columns,
    rowChecks: spec.rowChecks ?? [],
    arrowSchema: arrowSchemaOf(spec),
  };
}

function arrowSchemaOf(spec: SchemaSpec<readonly Column[]>): Schema {
  const fields = spec.columns.map((c) => new Field(c.name, c.codec.arrowType(), c.nullable));
  const metadata = new Map([
    [SCHEMA_NAME_KEY, spec.name],
    [SCHEMA_VERSION_KEY, String(spec.version)],
  ]);
  return new Schema(fields, metadata);
}

function assertDistinct(schemaName: string, what: string, names: readonly string[]): void {
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate !== undefined) throw new TypeError(`${schemaName} schema: ${what} "${duplicate}" appears twice`);
}
