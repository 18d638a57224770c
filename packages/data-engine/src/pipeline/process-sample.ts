import type { SampleRow } from '@mixed-r1/records';
import { ImageError } from '@mixed-r1/vision';
import type { CandidateSample } from '../candidate';
import type { LimitSettings } from '../config/engine-config';
import { differenceHash } from './dhash';
import { loadImageBytes, type ImageDecoder } from './image-bytes';
import { normaliseCandidate, questionKey } from './normalise';
import { checkAnswer, checkBoxInImage, checkDeclaredSize, checkImageSize } from './validate';

/** A valid sample (image embedded, size filled) with its dedup keys. */
export interface ValidSample {
  readonly kind: 'valid';
  readonly sample: SampleRow;
  /** 64-bit dHash of the image, 16 hex digits. */
  readonly hash: string;
  readonly questionKey: string;
}

/** An input turned away by a stage that looks at one sample alone. */
export interface SampleRejection {
  readonly kind: 'rejected';
  readonly stage: 'read' | 'normalise' | 'validate';
  /** The normalised id when the sample got that far (validate), so that it still claims its id. */
  readonly sampleId: string | null;
  readonly source: string;
  readonly reason: string;
}

export type SampleOutcome = ValidSample | SampleRejection;

export interface SampleChecks {
  readonly decode: ImageDecoder;
  readonly limits: LimitSettings;
}

/**
 * normalise -> validate -> hash, for one candidate: the work done in parallel. Pure but for
 * reading the image file; the same candidate always gives the same outcome.
 */
export async function processCandidate(candidate: CandidateSample, imageRoot: string | null, checks: SampleChecks): Promise<SampleOutcome> {
  const normalised = normaliseCandidate(candidate);
  if ('reason' in normalised) return { kind: 'rejected', stage: 'normalise', sampleId: normalised.sampleId, source: String(candidate.source), reason: normalised.reason };
  const sample = normalised.sample;
  const reject = (reason: string): SampleRejection => ({ kind: 'rejected', stage: 'validate', sampleId: sample.id, source: sample.source, reason });

  const answerProblem = checkAnswer(sample, checks.limits);
  if (answerProblem) return reject(answerProblem);
  const loaded = await loadImageBytes(sample, imageRoot);
  if ('reason' in loaded) return reject(loaded.reason);
  let image;
  try {
    image = await checks.decode(loaded.bytes, { sampleId: sample.id, limitInputPixels: checks.limits.maxPixels });
  } catch (error) {
    if (error instanceof ImageError) return reject(`image ${error.kind}: ${error.message}`);
    throw new Error(`sample "${sample.id}": decoding its image failed unexpectedly: ${(error as Error).message}`, { cause: error });
  }
  const { width, height } = image;
  const problem = checkImageSize(width, height, checks.limits) ?? checkDeclaredSize(sample, width, height) ?? checkBoxInImage(sample, width, height);
  if (problem) return reject(problem);
  return {
    kind: 'valid',
    sample: { ...sample, imageBytes: loaded.bytes, imageWidth: width, imageHeight: height },
    hash: differenceHash(image),
    questionKey: questionKey(sample.question),
  };
}
