/** What went wrong with an image; each kind has its own test and fix. */
export type ImageErrorKind =
  | 'too-small' // a side under the factor (28 px for Qwen2.5-VL)
  | 'aspect-ratio' // longer side over 200 times the shorter
  | 'undecodable' // truncated, corrupt, or not an image at all
  | 'too-many-pixels' // over the pixel limit (decompression bombs)
  | 'unreadable'; // the file cannot be read (missing, a directory, no permission)

/**
 * An image that cannot be preprocessed. Names the sample (or file) it belongs to, so a batch can
 * report it and go on with the others.
 */
export class ImageError extends Error {
  constructor(
    readonly kind: ImageErrorKind,
    readonly sampleId: string,
    detail: string,
  ) {
    super(`image of sample "${sampleId}": ${detail}`);
    this.name = 'ImageError';
  }
}
