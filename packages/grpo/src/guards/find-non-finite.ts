import type { CompletionSequence } from '../train/log-prob-policy';
import type { NonFiniteSite } from './non-finite-error';

/**
 * The non-finite values among the completion positions of [b, T] log-probs (padding is not
 * looked at): one site per sequence, its first bad token.
 */
export function nonFiniteLogProbs(values: ArrayLike<number>, width: number, sequences: readonly CompletionSequence[], tensor: string): NonFiniteSite[] {
  const sites: NonFiniteSite[] = [];
  sequences.forEach((s, i) => {
    for (let t = 0; t < s.completionTokenIds.length; t++) {
      const value = values[i * width + t];
      if (!Number.isFinite(value)) {
        sites.push({ sampleId: s.sampleId, groupIndex: s.groupIndex, tensor, token: t, value });
        return;
      }
    }
  });
  return sites;
}

/** The first non-finite value of an array, or null. */
export function firstNonFinite(values: ArrayLike<number>): number | null {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return values[i];
  return null;
}
