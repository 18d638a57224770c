import { besselStd } from '../statistics';
import type { RewardScaling } from './reward-scaling';

/**
 * A_i = (r_i - mean(group)) / (std(batch) + eps): the mean stays per group, the std is over every
 * reward of the batch (TRL scale_rewards="batch", after "Tricks or Traps? A Deep Dive into RL for
 * LLM Reasoning").
 */
export const batchScaling: RewardScaling = {
  name: 'batch',
  reference: 'TRL scale_rewards="batch"',
  divisors: (groups, eps) => {
    const std = besselStd(groups.flat()) + eps;
    return groups.map(() => std);
  },
};
