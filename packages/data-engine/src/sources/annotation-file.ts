import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';

/** Bytes read from an annotation file at a time. */
export const READ_CHUNK_BYTES = 1 << 20;

// Duck-typed: errors from Node's fs may come from another realm (a test sandbox), failing `instanceof Error`.
function describeError(error: unknown): string {
  return typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
}

/** Throws an `Error` naming `path` unless it is a readable regular file. */
export async function assertReadableFile(path: string, what = 'annotation file'): Promise<void> {
  try {
    if (!(await stat(path)).isFile()) throw new Error('not a regular file');
    await (await open(path, 'r')).close();
  } catch (error) {
    throw new Error(`cannot read ${what} ${path}: ${describeError(error)}`);
  }
}

/** The bytes of a file, chunk after chunk; a read error mid-way throws an `Error` naming the file. */
export async function* fileChunks(path: string): AsyncGenerator<Buffer> {
  await assertReadableFile(path);
  const stream = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (error) {
    throw new Error(`cannot read annotation file ${path}: ${describeError(error)}`);
  } finally {
    stream.destroy();
  }
}

/** The lines of a text file (UTF-8, `\n` or `\r\n`), numbered from 1, read as a stream. */
export async function* fileLines(path: string): AsyncGenerator<{ readonly line: number; readonly text: string }> {
  await assertReadableFile(path);
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: READ_CHUNK_BYTES });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const text of lines) {
      line += 1;
      // A byte-order mark at the start of the file is not part of the first line.
      yield { line, text: line === 1 ? text.replace(/^\uFEFF/, '') : text };
    }
  } catch (error) {
    throw new Error(`cannot read annotation file ${path}: ${describeError(error)}`);
  } finally {
    lines.close();
    stream.destroy();
  }
}

/** The first character of a text file that is not white space (after a byte-order mark); null when there is none. */
export async function firstSignificantCharacter(path: string): Promise<string | null> {
  let atStart = true;
  for await (const chunk of fileChunks(path)) {
    const skip = atStart && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0;
    atStart = false;
    const match = /[^ \t\r\n]/.exec(chunk.toString('latin1', skip));
    if (match) return match[0];
  }
  return null;
}
