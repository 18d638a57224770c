import type { ProcessorName } from '../processor';
import type { Decoding, ImageItem, Outcome } from './preprocess-images';

/** What a preprocessing worker starts with. */
export interface WorkerSetup {
  readonly processor: ProcessorName;
  readonly options: unknown;
  readonly decoding: Decoding;
}

/** One image for a worker; `index` is its place in the input. */
export interface WorkerTask extends ImageItem {
  readonly index: number;
}

/** A worker's answer: the image's outcome, or an error that is not a bad image (a bug). */
export type WorkerReply =
  | { readonly index: number; readonly outcome: Outcome }
  | { readonly index: number; readonly error: { readonly message: string; readonly stack: string } };
