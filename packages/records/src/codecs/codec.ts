import type { Data, DataType, Vector } from 'apache-arrow';

/**
 * How the values of one column live in JavaScript and in Arrow: the Arrow type, which JS values
 * are valid, how a column is built from them and read back. A column descriptor pairs a codec
 * with a column name and row field; builders, validation and row conversion work through it.
 */
export interface Codec<V> {
  /** What a valid value is, for error messages: "a string", "an Int32 > 0". */
  readonly expected: string;
  /** True when every non-null value of an Arrow column of `arrowType()` is valid. */
  readonly arrowTypeSuffices: boolean;
  /** A fresh Arrow type for the column. */
  arrowType(): DataType;
  /** Whether a non-null JS value is valid for the column. */
  accepts(value: unknown): value is V;
  /** Arrow data for values already accepted (null where a row has none). */
  build(values: ArrayLike<V | null>): Data;
  /** A row-indexed reader of a column. */
  reader(vector: Vector, access: ReadAccess): (row: number) => V | null;
}

/**
 * `view`: values may be views into the table's memory (for checking values in place).
 * `copy`: values share no memory with the table, so they outlive it and can be changed freely.
 */
export type ReadAccess = 'view' | 'copy';

/** A codec whose values are a subset of `base`'s, described by `expected`. */
export function refine<V, W extends V>(
  base: Codec<V>,
  expected: string,
  isRefined: (value: V) => value is W,
): Codec<W>;
export function refine<V>(base: Codec<V>, expected: string, isRefined: (value: V) => boolean): Codec<V>;
export function refine<V>(base: Codec<V>, expected: string, isRefined: (value: V) => boolean): Codec<V> {
  return {
    ...base,
    expected,
    arrowTypeSuffices: false,
    accepts: (value: unknown): value is V => base.accepts(value) && isRefined(value),
  };
}

/** The reader of immutable scalars (strings, numbers): Arrow's own `get`, which gives null for null slots. */
export function scalarReader<V>(vector: Vector): (row: number) => V | null {
  return (row) => vector.get(row) as V | null;
}
