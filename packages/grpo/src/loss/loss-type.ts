/** The names of `lossType`. */
export type LossTypeName = 'grpo' | 'dapo' | 'dr_grpo';

/** What an aggregation may need beyond the completion lengths. */
export interface AggregationContext {
  /** The generation limit (dr_grpo's constant normaliser); null when not configured. */
  readonly maxCompletionLength: number | null;
}

/**
 * How per-token losses become the batch loss. Every aggregation of the peers is a weighted sum
 * loss = sum_b w_b * sum_t mask_bt * loss_bt with one weight per sequence, computed once over the
 * whole generation batch: a micro-batch's loss is the same sum over its sequences, so the
 * micro-batch gradients add up to the full-batch gradient exactly. One loss type per file; the
 * registry lists them.
 */
export interface LossType {
  readonly name: LossTypeName;
  /** The peer code this matches. */
  readonly reference: string;
  /** w_b for every sequence of the batch, from the completion lengths (tokens that count). */
  sequenceWeights(lengths: readonly number[], context: AggregationContext): Float64Array;
}
