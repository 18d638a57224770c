import * as tf from '@tensorflow/tfjs-core';
import { scoreCompletions, Weights, type PolicyParameters, type PromptInput } from '@mixed-r1/policy';
import type { CompletionSequence, LogProbPolicy } from '../train/log-prob-policy';

export interface QwenPolicyOptions<S extends CompletionSequence> {
  /** The prompt (token ids and preprocessed images) a sequence's completion continues. */
  readonly prompt: (sequence: S) => PromptInput;
  /** Logits are divided by this before the log-softmax (TRL `_get_per_token_logps`); default 1. */
  readonly temperature?: number;
}

/** Consecutive runs of sequences that share a prompt (sample_id), as [start, end) pairs. */
function promptRuns(sequences: readonly CompletionSequence[]): [number, number][] {
  const runs: [number, number][] = [];
  sequences.forEach((s, i) => {
    const last = runs[runs.length - 1];
    if (last && sequences[last[0]].sampleId === s.sampleId) last[1] = i + 1;
    else runs.push([i, i + 1]);
  });
  return runs;
}

/**
 * The policy package's Qwen2.5-VL model as a LogProbPolicy: each run of consecutive sequences of
 * one prompt is scored by `scoreCompletions` (one prompt pass, its cache shared by the run's
 * completions), the runs padded to the longest completion and stacked. Variables are the model's
 * parameters by Hugging Face name (`visual.` for the vision tower). Wraps the reference model too.
 */
export function qwenLogProbPolicy<S extends CompletionSequence>(params: PolicyParameters, options: QwenPolicyOptions<S>): LogProbPolicy<S> {
  const temperature = options.temperature ?? 1;
  return {
    trainableVariables: new Map(params.names().map((name) => [name, params.get(name)])),
    tokenLogProbs(sequences: readonly S[]): tf.Tensor2D {
      const width = Math.max(0, ...sequences.map((s) => s.completionTokenIds.length));
      return tf.tidy(() => {
        const weights = Weights.live(params);
        const parts = promptRuns(sequences).map(([start, end]) => {
          const run = sequences.slice(start, end);
          const scored = scoreCompletions(weights, options.prompt(run[0]), run.map((s) => Array.from(s.completionTokenIds)), { temperature });
          const longest = scored.logProbs.shape[1];
          return longest === width ? scored.logProbs : tf.pad(scored.logProbs, [[0, 0], [0, width - longest]]);
        });
        return (parts.length === 1 ? parts[0] : tf.concat(parts, 0)) as tf.Tensor2D;
      });
    },
  };
}
