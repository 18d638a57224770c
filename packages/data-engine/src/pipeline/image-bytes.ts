import { readFile, realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { RgbImage } from '@mixed-r1/vision';
import type { CandidateSample } from '../candidate';

export interface DecodeOptions {
  /** Named in the error of a bad image. */
  readonly sampleId: string;
  /** Larger images fail with kind 'too-many-pixels' before their pixels are decoded. */
  readonly limitInputPixels: number;
}

/** Decodes an encoded image file into RGB; a bad image throws the vision package's ImageError. */
export type ImageDecoder = (bytes: Uint8Array, options: DecodeOptions) => Promise<RgbImage>;

/** The encoded image of a candidate: its bytes, or the file its path names, or why there is none. */
export type ImageBytes = { readonly bytes: Uint8Array } | { readonly reason: string };

/**
 * The candidate's image bytes: `imageBytes` when given, else the file at `imagePath` (relative
 * paths resolve against `imageRoot`, else the working folder). With an `imageRoot`, a path whose
 * real location (symbolic links followed) is outside that root is refused, not read.
 */
export async function loadImageBytes(sample: CandidateSample, imageRoot: string | null): Promise<ImageBytes> {
  if (sample.imageBytes !== null && sample.imageBytes.length > 0) return { bytes: sample.imageBytes };
  if (sample.imagePath === null || sample.imagePath === '') return { reason: 'image missing: the sample has neither image bytes nor an image path' };
  const path = resolve(imageRoot ?? '.', sample.imagePath);
  try {
    if (imageRoot !== null) {
      const [root, real] = await Promise.all([realpath(imageRoot), realpath(path)]);
      if (!isInside(real, root)) return { reason: `image path escapes the source's root: ${sample.imagePath} resolves to ${real}, outside ${root}` };
    }
    const bytes = await readFile(path);
    return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  } catch (error) {
    return { reason: `image unreadable: ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
}

function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}
