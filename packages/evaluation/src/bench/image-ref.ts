import { readFile } from 'node:fs/promises';
import type { ImageRef } from './bench-row';

/** A row whose image cannot be had (bad base64, missing file): names the row and says what to do. */
export class RowImageError extends Error {
  constructor(
    readonly rowId: string,
    message: string,
  ) {
    super(`${rowId}: ${message}`);
    this.name = 'RowImageError';
  }
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Strict standard base64 (line breaks and spaces allowed, as some writers wrap), or null. */
export function decodeBase64(text: string): Uint8Array | null {
  const compact = text.replace(/\s+/g, '');
  if (compact.length === 0 || compact.length % 4 === 1 || !BASE64.test(compact)) return null;
  const buffer = Buffer.from(compact, 'base64');
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** The encoded image file of a row (PNG, JPEG, ...), read or decoded from base64. */
export async function imageBytesOf(image: ImageRef, rowId: string): Promise<Uint8Array> {
  if (image.kind === 'base64') {
    const bytes = decodeBase64(image.base64);
    if (!bytes) throw new RowImageError(rowId, `the image field is not valid base64 (${image.base64.length} characters starting ${JSON.stringify(image.base64.slice(0, 16))})`);
    return bytes;
  }
  try {
    return new Uint8Array(await readFile(image.path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new RowImageError(rowId, `cannot read the image file ${image.path} (${code}); check the path or the benchmark's image folder`);
  }
}
