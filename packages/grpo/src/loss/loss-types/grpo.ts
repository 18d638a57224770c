import type { LossType } from '../loss-type';

/**
 * Mean over each sequence's completion tokens, then over sequences: w_b = 1 / (B * max(len_b, 1)).
 * GRPO (DeepSeekMath eq. 3); TRL `GRPOTrainer._compute_loss` loss_type="grpo"
 * (`((per_token_loss * mask).sum(-1) / mask.sum(-1).clamp(min=1.0)).mean()`); verl `agg_loss`
 * loss_agg_mode="seq-mean-token-mean". An empty completion counts in B and adds nothing.
 */
export const grpoLoss: LossType = {
  name: 'grpo',
  reference: 'TRL _compute_loss loss_type="grpo"; verl agg_loss seq-mean-token-mean',
  sequenceWeights: (lengths) => Float64Array.from(lengths, (length) => 1 / (lengths.length * Math.max(length, 1))),
};
