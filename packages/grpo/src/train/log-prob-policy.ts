import type * as tf from '@tensorflow/tfjs-core';

/** What the optimizer needs of one sampled completion (records' RolloutRow has it). */
export interface CompletionSequence {
  /** The prompt: the G completions of a prompt share it. */
  readonly sampleId: string;
  /** The completion within its group. */
  readonly groupIndex: number;
  /** The completion's tokens; only these positions enter the loss (never the prompt or padding). */
  readonly completionTokenIds: ArrayLike<number>;
}

/** A policy the optimizer can score sequences with (the frozen reference needs no more). */
export interface LogProbScorer<S extends CompletionSequence = CompletionSequence> {
  /**
   * [b, T] log-probability of completion token t of each sequence given its prompt and earlier
   * tokens, T = the longest completion among `sequences`; positions past a completion's end are
   * ignored (any finite value). Differentiable with respect to the policy's variables (TRL
   * `GRPOTrainer._get_per_token_logps`).
   */
  tokenLogProbs(sequences: readonly S[]): tf.Tensor2D;
}

/** The policy being trained: a scorer and its variables by name. */
export interface LogProbPolicy<S extends CompletionSequence = CompletionSequence> extends LogProbScorer<S> {
  /**
   * Every variable by name. Those with `trainable` true and not matched by the config's `freeze`
   * prefixes are updated; the others stay as they are.
   */
  readonly trainableVariables: ReadonlyMap<string, tf.Variable>;
}
