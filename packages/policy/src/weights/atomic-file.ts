import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes `file` so that readers see the old file or the whole new one, never a part: `write` gets a
 * file descriptor of a temporary file in the same folder, which is flushed to disk and renamed over
 * `file`. On failure the temporary file is removed and the old file is untouched.
 */
export function writeAtomically(file: string, write: (fd: number) => void): void {
  const folder = path.dirname(file);
  fs.mkdirSync(folder, { recursive: true });
  const temporary = path.join(folder, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = fs.openSync(temporary, 'wx');
    try {
      write(fd);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/** Writes all of `bytes` at the descriptor's current position. */
export function writeAll(fd: number, bytes: Uint8Array): void {
  let written = 0;
  while (written < bytes.length) written += fs.writeSync(fd, bytes, written, bytes.length - written);
}

export function writeFileAtomically(file: string, content: string | Uint8Array): void {
  writeAtomically(file, (fd) => writeAll(fd, typeof content === 'string' ? new TextEncoder().encode(content) : content));
}
