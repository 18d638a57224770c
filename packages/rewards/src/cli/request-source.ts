import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tableFromIPC, type Table } from 'apache-arrow';

/** One input row as read, or why it could not be read; `where` names it in messages. */
export interface SourceRow {
  readonly where: string;
  readonly value: unknown;
  readonly readError: string | null;
}

const ARROW_EXTENSIONS = ['.arrow', '.arrows', '.ipc', '.feather'];

export function isArrowPath(path: string): boolean {
  return ARROW_EXTENSIONS.some((extension) => path.toLowerCase().endsWith(extension));
}

async function* jsonLines(path: string): AsyncGenerator<SourceRow> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim().length === 0) continue;
    const where = `${path}:${lineNumber}`;
    try {
      yield { where, value: JSON.parse(line), readError: null };
    } catch (error) {
      yield { where, value: null, readError: `${where}: not valid JSON (${(error as Error).message})` };
    }
  }
}

/** Arrow values as plain JSON values: list vectors become arrays, big integers numbers. */
function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value && typeof value === 'object' && 'toArray' in value) return Array.from((value as { toArray(): ArrayLike<unknown> }).toArray(), plain);
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  return value;
}

function* arrowRows(path: string, table: Table): Generator<SourceRow> {
  const names = table.schema.fields.map((field) => field.name);
  for (let index = 0; index < table.numRows; index++) {
    const row = table.get(index);
    const value: Record<string, unknown> = {};
    for (const name of names) {
      const cell = row?.[name];
      if (cell !== null && cell !== undefined) value[name] = plain(cell);
    }
    yield { where: `${path} row ${index}`, value, readError: null };
  }
}

/** The rows of a JSONL file, or of an Arrow IPC file or stream (chosen by extension). */
export async function* readRequests(path: string): AsyncGenerator<SourceRow> {
  if (isArrowPath(path)) {
    yield* arrowRows(path, tableFromIPC(readFileSync(path)));
  } else {
    yield* jsonLines(path);
  }
}
