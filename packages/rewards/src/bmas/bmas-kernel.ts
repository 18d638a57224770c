import { combineDirectional, type BmasCombination } from './bmas-combination';
import { createSimilarityBackend } from './create-similarity-backend';
import { rowViews, type DirectionalScores, type SimilarityBackend } from './similarity-backend';

/** Both directional scores and their combination (clamped to [0, 1]). */
export interface BmasParts extends DirectionalScores {
  readonly score: number;
}

export const EMPTY_BMAS: BmasParts = Object.freeze({ answerToReference: 0, referenceToAnswer: 0, score: 0 });

let sharedBackend: SimilarityBackend | null = null;

/** The process-wide backend `computeBmas` uses by default (WebAssembly SIMD where available). */
export function defaultSimilarityBackend(): SimilarityBackend {
  sharedBackend ??= createSimilarityBackend('auto');
  return sharedBackend;
}

/** Combines directional scores into BMAS parts. */
export function bmasParts(directional: DirectionalScores, combination: BmasCombination): BmasParts {
  const { answerToReference, referenceToAnswer } = directional;
  return { answerToReference, referenceToAnswer, score: combineDirectional(answerToReference, referenceToAnswer, combination) };
}

/**
 * BMAS of L2-normalised answer rows R (n x d) and reference rows G (m x d), both row-major:
 * S = R G^T, a = mean_i max_j S_ij, b = mean_j max_i S_ij, combined by `combination` and clamped
 * to [0, 1]. No rows on either side: all parts 0. A pure function of its inputs.
 */
export function computeBmas(
  answerRows: Float32Array,
  n: number,
  referenceRows: Float32Array,
  m: number,
  d: number,
  combination: BmasCombination = 'mean',
  backend: SimilarityBackend = defaultSimilarityBackend(),
): BmasParts {
  if (n === 0 || m === 0) return EMPTY_BMAS;
  const reference = backend.prepareReference(rowViews(referenceRows, m, d), d);
  return bmasParts(backend.directionalScores(rowViews(answerRows, n, d), reference), combination);
}
