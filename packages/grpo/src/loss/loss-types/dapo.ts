import type { LossType } from '../loss-type';

/**
 * Mean over all completion tokens of the batch: w_b = 1 / max(sum_b len_b, 1). DAPO (Yu et al.
 * 2025, eq. 8, token-level policy gradient loss); TRL `GRPOTrainer._compute_loss` loss_type="dapo"
 * (normalised by the generation batch's token count); verl `agg_loss` loss_agg_mode="token-mean".
 */
export const dapoLoss: LossType = {
  name: 'dapo',
  reference: 'TRL _compute_loss loss_type="dapo"; verl agg_loss token-mean',
  sequenceWeights: (lengths) => {
    const tokens = lengths.reduce((a, b) => a + b, 0);
    return Float64Array.from(lengths, () => 1 / Math.max(tokens, 1));
  },
};
