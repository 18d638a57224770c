import type { SampleRow } from '@mixed-r1/records';

/**
 * A sample as a source gives it, before validation: the image is a path (inside the source's
 * root) or bytes, and its size is not known yet. Validation decodes the image, fills the size and
 * embeds the bytes, making a `SampleRow` of the records `sample` schema.
 */
export type CandidateSample = Omit<SampleRow, 'imageWidth' | 'imageHeight'> & {
  readonly imageWidth?: number;
  readonly imageHeight?: number;
};

/** The pipeline stage that turned an input away. */
export type RejectionStage = 'read' | 'normalise' | 'validate' | 'deduplicate' | 'difficulty' | 'quota';

/** An input that is not in the output, and why: nothing is dropped without one. */
export interface Rejection {
  readonly source: string;
  /** Where the input came from: "file:line", "file#index", or the sample id. */
  readonly inputRef: string;
  /** The sample id, when the input got as far as having one. */
  readonly sampleId: string | null;
  readonly stage: RejectionStage;
  readonly reason: string;
}

/** One item a source yields: a candidate sample, or a rejection of an input it could not read. */
export type SourceItem = { readonly sample: CandidateSample; readonly inputRef: string } | { readonly rejection: Rejection };
