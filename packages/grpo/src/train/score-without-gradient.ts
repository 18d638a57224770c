import * as tf from '@tensorflow/tfjs-core';
import { nonFiniteLogProbs } from '../guards/find-non-finite';
import type { NonFiniteSite } from '../guards/non-finite-error';
import type { CompletionSequence, LogProbScorer } from './log-prob-policy';

export interface ScoredValues {
  /** Each sequence's completion log-probs, by index (null for sequences not scored). */
  readonly values: (Float32Array | null)[];
  /** Non-finite values found, one site per sequence. */
  readonly bad: NonFiniteSite[];
  readonly seconds: number;
}

/**
 * Log-probs of the given micro-batches under a scorer, outside any gradient tape (the frozen
 * reference policy: TRL computes ref_per_token_logps under torch.no_grad once per generation batch).
 */
export function scoreWithoutGradient<S extends CompletionSequence>(
  scorer: LogProbScorer<S>,
  sequences: readonly S[],
  microBatches: readonly (readonly number[])[],
  tensor: string,
): ScoredValues {
  const started = performance.now();
  const values: (Float32Array | null)[] = sequences.map(() => null);
  const bad: NonFiniteSite[] = [];
  for (const indices of microBatches) {
    const batch = indices.map((i) => sequences[i]);
    const lengths = batch.map((s) => s.completionTokenIds.length);
    const width = Math.max(0, ...lengths);
    if (width === 0) {
      indices.forEach((i) => (values[i] = new Float32Array(0)));
      continue;
    }
    const data = tf.tidy(() => {
      const out = scorer.tokenLogProbs(batch);
      if (out.rank !== 2 || out.shape[0] !== batch.length || out.shape[1] !== width) {
        throw new TypeError(`${tensor}: tokenLogProbs returned shape [${out.shape.join(', ')}], expected [${batch.length}, ${width}]`);
      }
      return out.dataSync();
    });
    bad.push(...nonFiniteLogProbs(data, width, batch, tensor));
    indices.forEach((i, k) => (values[i] = data.slice(k * width, k * width + lengths[k]) as Float32Array));
  }
  return { values, bad, seconds: (performance.now() - started) / 1000 };
}
