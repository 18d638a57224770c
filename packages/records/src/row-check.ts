/** What a value was expected to be and what was found instead, both ready for a message. */
export interface Problem {
  readonly expected: string;
  readonly found: string;
}

/** A rule that relates several fields of one row, reported against `column`. */
export interface RowCheck<Row> {
  /** The Arrow column the problem is reported on. */
  readonly column: string;
  /** The row fields the check reads. */
  readonly fields: readonly (keyof Row & string)[];
  check(row: Row): Problem | undefined;
}
