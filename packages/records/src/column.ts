import type { Codec } from './codecs/codec';

/** One column of a schema: its Arrow name, the row field that holds it, its codec, and nullability. */
export interface Column<F extends string = string, V = unknown, N extends boolean = boolean> {
  /** The Arrow column name (snake_case). */
  readonly name: string;
  /** The row field (camelCase). */
  readonly field: F;
  readonly codec: Codec<V>;
  readonly nullable: N;
}

export interface ColumnSpec<F extends string, V> {
  readonly name: string;
  readonly field: F;
  readonly codec: Codec<V>;
  readonly nullable?: boolean;
}

/** A column descriptor; `nullable` defaults to false. */
export function column<const F extends string, V>(spec: ColumnSpec<F, V> & { nullable: true }): Column<F, V, true>;
export function column<const F extends string, V>(spec: ColumnSpec<F, V> & { nullable?: false }): Column<F, V, false>;
export function column<const F extends string, V>(spec: ColumnSpec<F, V>): Column<F, V> {
  return { name: spec.name, field: spec.field, codec: spec.codec, nullable: spec.nullable ?? false };
}

/** The row value of a column: its codec's value, or null too when the column is nullable. */
export type ValueOf<C extends Column> =
  C extends Column<string, infer V, infer N> ? (N extends true ? V | null : V) : never;

/** What `batchFromColumns` takes for a column: one value per row, or a typed array where the codec allows. */
export type ColumnInputOf<C extends Column> = readonly ValueOf<C>[] | DenseInputOf<ValueOf<C>>;

type DenseInputOf<V> = [number] extends [V] ? Int32Array | Float32Array : never;
