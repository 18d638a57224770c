import type { LossType } from '../loss-type';

/**
 * Sum over tokens divided by a constant: w_b = 1 / (B * maxCompletionLength). Dr.GRPO (Liu et al.
 * 2025, "Understanding R1-Zero-Like Training", removes the length normalisation); TRL
 * `GRPOTrainer._compute_loss` loss_type="dr_grpo"
 * (`(per_token_loss * mask).sum() / (per_token_loss.size(0) * self.max_completion_length)`); verl
 * `agg_loss` loss_agg_mode="seq-mean-token-sum-norm".
 */
export const drGrpoLoss: LossType = {
  name: 'dr_grpo',
  reference: 'TRL _compute_loss loss_type="dr_grpo"; verl agg_loss seq-mean-token-sum-norm',
  sequenceWeights: (lengths, { maxCompletionLength }) => {
    if (maxCompletionLength === null) throw new RangeError('loss type "dr_grpo" needs maxCompletionLength (the generation limit)');
    const longest = lengths.reduce((a, b) => Math.max(a, b), 0);
    if (longest > maxCompletionLength) {
      throw new RangeError(`loss type "dr_grpo": a completion has ${longest} tokens, more than maxCompletionLength = ${maxCompletionLength}; set maxCompletionLength to the generation limit`);
    }
    return Float64Array.from(lengths, () => 1 / (lengths.length * maxCompletionLength));
  },
};
