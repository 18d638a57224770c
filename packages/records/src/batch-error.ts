import type { Problem } from './row-check';
import type { RecordSchema } from './schema';

/** The start of every batch error: the file or bytes it came from, if any, and the schema. */
export function batchLabel(schema: RecordSchema, source?: string): string {
  return source === undefined ? `${schema.name} batch` : `${source}: ${schema.name} batch`;
}

/** `reward batch: column "iou" row 3: expected a Float32 or null, found "abc"` */
export function valueError(label: string, column: string, row: number, problem: Problem): TypeError {
  return new TypeError(`${label}: column "${column}" row ${row}: expected ${problem.expected}, found ${problem.found}`);
}
