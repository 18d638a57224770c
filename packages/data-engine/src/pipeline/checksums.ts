import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** A content checksum of a source's annotation file, or, for a folder, of its listing. */
export interface InputChecksum {
  readonly sha256: string;
  /** "file": the bytes of the file; "listing": the sorted relative paths and sizes of the files below the folder. */
  readonly of: 'file' | 'listing';
}

/** sha256 of a file's bytes (streamed), or of a folder's listing ("path\tsize" lines, sorted). */
export async function inputChecksum(path: string): Promise<InputChecksum> {
  const info = await stat(path);
  if (info.isDirectory()) {
    const lines = (await listFiles(path, path)).sort().join('\n');
    return { sha256: createHash('sha256').update(lines).digest('hex'), of: 'listing' };
  }
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return { sha256: hash.digest('hex'), of: 'file' };
}

async function listFiles(root: string, folder: string): Promise<string[]> {
  const lines: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) lines.push(...(await listFiles(root, path)));
    else if (entry.isFile()) lines.push(`${relative(root, path)}\t${(await stat(path)).size}`);
  }
  return lines;
}
