import { decodeImage, type AlphaPolicy } from '../decode';
import { ImageError, type ImageErrorKind } from '../errors';
import type { ImageProcessor, ProcessedImage } from '../processor';
import { alphaPolicyOf } from '../processors/registry';
import { mapWithConcurrency } from './async-pool';

/** One image to preprocess: encoded bytes, or a file path. */
export interface ImageItem {
  readonly sampleId: string;
  readonly source: Uint8Array | string;
}

/** An image that could not be preprocessed, and why. */
export interface ImageFailure {
  readonly sampleId: string;
  readonly kind: ImageErrorKind;
  readonly message: string;
}

export interface PreprocessOptions {
  /** Images decoded and processed at once (default 4): decoding runs on libuv's threads meanwhile. */
  readonly concurrency?: number;
  /** Larger images are rejected as 'too-many-pixels' (the decoder's default when not given). */
  readonly limitInputPixels?: number;
  /** How an RGBA image becomes RGB; default: as the processor's reference does (see `alphaPolicyOf`). */
  readonly alpha?: AlphaPolicy;
  /** Called after each image, processed or failed. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface PreprocessResult {
  /** The images that were processed, in input order. */
  readonly processed: ProcessedImage[];
  /** The images that were not, in input order, each with its reason. */
  readonly failures: ImageFailure[];
}

export const DEFAULT_PREPROCESS_CONCURRENCY = 4;

/** What became of one image. */
export type Outcome = { readonly image: ProcessedImage } | { readonly failure: ImageFailure };

/**
 * Decodes and processes every image. A bad image (an ImageError: undecodable, unreadable, too
 * small, too many pixels, ...) is reported in `failures` and the others are processed; any other
 * error is a bug and is thrown.
 */
export async function preprocessImages(
  items: readonly ImageItem[],
  processor: ImageProcessor,
  options: PreprocessOptions = {},
): Promise<PreprocessResult> {
  const { concurrency = DEFAULT_PREPROCESS_CONCURRENCY, onProgress } = options;
  const decoding = decodingOf(processor, options);
  let done = 0;
  const outcomes = await mapWithConcurrency(items, concurrency, async (item): Promise<Outcome> => {
    const outcome = await preprocessOne(item, processor, decoding);
    done++;
    onProgress?.(done, items.length);
    return outcome;
  });
  return resultOf(outcomes);
}

/** The outcomes of a batch, split into processed images and failures, each in input order. */
export function resultOf(outcomes: readonly Outcome[]): PreprocessResult {
  const processed: ProcessedImage[] = [];
  const failures: ImageFailure[] = [];
  for (const outcome of outcomes) {
    if ('image' in outcome) processed.push(outcome.image);
    else failures.push(outcome.failure);
  }
  return { processed, failures };
}

/** How a batch decodes its images. */
export interface Decoding {
  readonly alpha: AlphaPolicy;
  readonly limitInputPixels: number | undefined;
}

export function decodingOf(processor: Pick<ImageProcessor, 'name'>, options: Pick<PreprocessOptions, 'alpha' | 'limitInputPixels'>): Decoding {
  return { alpha: options.alpha ?? alphaPolicyOf(processor.name), limitInputPixels: options.limitInputPixels };
}

/** Decodes and processes one image; an ImageError becomes a failure, any other error is thrown. */
export async function preprocessOne(item: ImageItem, processor: ImageProcessor, decoding: Decoding): Promise<Outcome> {
  try {
    const { alpha, limitInputPixels } = decoding;
    const decodeOptions = limitInputPixels === undefined ? { sampleId: item.sampleId, alpha } : { sampleId: item.sampleId, alpha, limitInputPixels };
    const image = await decodeImage(item.source, decodeOptions);
    return { image: await processor.process(image, item.sampleId) };
  } catch (error) {
    if (!(error instanceof ImageError)) throw error;
    return { failure: { sampleId: item.sampleId, kind: error.kind, message: error.message } };
  }
}
