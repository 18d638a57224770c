import * as tf from '@tensorflow/tfjs-core';
import type { CompletionSequence, LogProbPolicy, LogProbScorer } from '../train/log-prob-policy';

/**
 * The model's own work in one GRPO gradient pass, with none of the optimizer around it: the
 * reference forward (when given) and, per micro-batch, the policy's forward and the backward of the
 * summed log-probs to `variables`. For benchmarks that measure the optimizer's share of a step.
 */
export function bareModelPass<S extends CompletionSequence>(
  policy: LogProbPolicy<S>,
  reference: LogProbScorer<S> | null,
  sequences: readonly S[],
  microBatches: readonly (readonly number[])[],
  variables: readonly tf.Variable[],
): void {
  for (const indices of reference ? microBatches : []) {
    tf.tidy(() => void (reference as LogProbScorer<S>).tokenLogProbs(indices.map((i) => sequences[i])).dataSync());
  }
  for (const indices of microBatches) {
    const batch = indices.map((i) => sequences[i]);
    const { value, grads } = tf.variableGrads(() => tf.sum(policy.tokenLogProbs(batch)) as tf.Scalar, [...variables]);
    value.dataSync();
    tf.dispose([value, ...Object.values(grads)]);
  }
}
