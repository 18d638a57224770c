import * as tf from '@tensorflow/tfjs-core';
import { disposeMicroBatch, microBatchTensors } from '../batch/micro-batch-tensors';
import { nonFiniteLogProbs } from '../guards/find-non-finite';
import { NonFiniteError, type NonFiniteSite } from '../guards/non-finite-error';
import { computeLoss, type LossMetricSums, type LossSettings } from '../loss/compute-loss';
import { addMetricSums } from '../loss/loss-metrics';
import type { CompletionSequence, LogProbScorer } from './log-prob-policy';

/** One inner step's gradient pass over the micro-batches of a generation batch. */
export interface AccumulationInput<S extends CompletionSequence> {
  readonly policy: LogProbScorer<S>;
  /** The variables to differentiate, by name. */
  readonly variables: ReadonlyMap<string, tf.Variable>;
  readonly sequences: readonly S[];
  /** Micro-batches as indices into `sequences`. */
  readonly microBatches: readonly (readonly number[])[];
  /** By sequence index. */
  readonly advantages: readonly number[];
  /** The loss type's weight of each sequence (by index; computed over the whole batch). */
  readonly sequenceWeights: ArrayLike<number>;
  /** Reference log-probs by sequence index, or null (no KL). */
  readonly refLogProbs: readonly (Float32Array | null)[] | null;
  /** Cached old log-probs by sequence index, or null: the detached current ones (ratio = 1). */
  readonly oldLogProbs: readonly (Float32Array | null)[] | null;
  /** When given, receives the current log-probs of each sequence (the cache of later inner steps). */
  readonly recordLogProbs: (Float32Array | null)[] | null;
  readonly settings: LossSettings;
}

export interface Accumulated {
  /** Summed micro-batch gradients, by variable name (variables the loss does not reach have none). */
  readonly gradients: Map<string, tf.Tensor>;
  /** The batch loss (sum of the micro-batch losses). */
  readonly loss: number;
  /** Token sums for the metrics; null when no micro-batch had tokens. */
  readonly sums: LossMetricSums | null;
  /** Seconds in the policy's forward (tokenLogProbs) and in the backward pass. */
  readonly forwardSeconds: number;
  readonly backwardSeconds: number;
}

function pick<T>(values: readonly T[], indices: readonly number[]): T[] {
  return indices.map((i) => values[i]);
}

function addInto(target: Map<string, tf.Tensor>, name: string, gradient: tf.Tensor): void {
  const previous = target.get(name);
  if (!previous) {
    target.set(name, gradient);
    return;
  }
  target.set(name, tf.add(previous, gradient));
  previous.dispose();
  gradient.dispose();
}

/**
 * Gradients of the batch loss, one forward/backward per micro-batch, summed. The loss type's
 * weights are those of the whole batch, so the sum is the full-batch gradient (TRL's gradient
 * accumulation, with the normalisers of the generation batch). Non-finite current log-probs throw
 * a NonFiniteError naming the sequences; everything made so far is freed first.
 */
export function accumulateGradients<S extends CompletionSequence>(input: AccumulationInput<S>): Accumulated {
  const names = new Map([...input.variables].map(([name, v]) => [v.name, name]));
  const varList = [...input.variables.values()];
  const gradients = new Map<string, tf.Tensor>();
  let loss = 0;
  let sums: LossMetricSums | null = null;
  let forwardSeconds = 0;
  let backwardSeconds = 0;
  try {
    for (const indices of input.microBatches) {
      const sequences = pick(input.sequences, indices);
      const lengths = sequences.map((s) => s.completionTokenIds.length);
      const width = Math.max(0, ...lengths);
      if (width === 0) continue; // no tokens: adds nothing to the loss or the gradient
      const rows = (r: readonly (Float32Array | null)[] | null) => (r ? (pick(r, indices) as Float32Array[]) : null);
      const tensors = microBatchTensors({
        lengths,
        width,
        advantages: pick(input.advantages, indices),
        sequenceWeights: indices.map((i) => input.sequenceWeights[i]),
        refLogProbs: rows(input.refLogProbs),
        oldLogProbs: rows(input.oldLogProbs),
      });
      try {
        let inside = 0;
        let bad: NonFiniteSite[] = [];
        const started = performance.now();
        // Nothing may throw between the forward and the backward: the tape's saved tensors are
        // freed by the backward only. Non-finite log-probs are reported after it.
        const { value, grads } = tf.variableGrads(() => {
          const entered = performance.now();
          const logProbs = input.policy.tokenLogProbs(sequences);
          forwardSeconds += (performance.now() - entered) / 1000;
          checkShape(logProbs, sequences.length, width);
          const current = logProbs.dataSync();
          bad = nonFiniteLogProbs(current, width, sequences, 'policy log-probs');
          if (input.recordLogProbs) indices.forEach((i, k) => ((input.recordLogProbs as (Float32Array | null)[])[i] = current.slice(k * width, k * width + lengths[k]) as Float32Array));
          const out = computeLoss({ ...tensors, logProbs }, input.settings);
          sums = sums ? addMetricSums(sums, out.metrics) : out.metrics;
          inside = performance.now() - entered;
          return out.loss;
        }, varList);
        backwardSeconds += (performance.now() - started - inside) / 1000;
        loss += value.dataSync()[0];
        value.dispose();
        for (const [tfName, g] of Object.entries(grads)) addInto(gradients, names.get(tfName) as string, g);
        if (bad.length > 0) throw new NonFiniteError('policy forward', bad);
      } finally {
        disposeMicroBatch(tensors);
      }
    }
  } catch (error) {
    tf.dispose([...gradients.values()]);
    throw error;
  }
  return { gradients, loss, sums, forwardSeconds, backwardSeconds };
}

function checkShape(logProbs: tf.Tensor, b: number, width: number): void {
  if (logProbs.rank !== 2 || logProbs.shape[0] !== b || logProbs.shape[1] !== width) {
    throw new TypeError(`policy.tokenLogProbs returned shape [${logProbs.shape.join(', ')}] for ${b} sequences whose longest completion has ${width} tokens; expected [${b}, ${width}]`);
  }
}
