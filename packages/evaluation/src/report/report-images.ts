import type { BenchRow } from '../bench/bench-row';
import { imageBytesOf, RowImageError } from '../bench/image-ref';
import { rowId } from '../prompt/eval-prompt';

/** Images above this size are not inlined in the report (the page stays light). */
export const MAX_INLINE_IMAGE_BYTES = 400_000;

/** `data:` URIs of example images, by row id ("benchmark/index"). */
export type ReportImages = ReadonlyMap<string, string>;

function mimeOf(bytes: Uint8Array): string | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes[0] === 0x89 && ascii(1, 4) === 'PNG') return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if (ascii(0, 4) === 'GIF8') return 'image/gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/** The images of the given rows as `data:` URIs; rows whose image is unreadable, unknown or too large are left out. */
export async function reportImagesOf(rows: readonly BenchRow[]): Promise<ReportImages> {
  const images = new Map<string, string>();
  for (const row of rows) {
    try {
      const bytes = await imageBytesOf(row.image, rowId(row));
      const mime = mimeOf(bytes);
      if (mime && bytes.length <= MAX_INLINE_IMAGE_BYTES) images.set(rowId(row), `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`);
    } catch (error) {
      // An unreadable image is already reported by scoring; the example is shown without it.
      if (!(error instanceof RowImageError)) throw error;
    }
  }
  return images;
}
