import type { RewardScaling } from './reward-scaling';

/**
 * A_i = r_i - mean(group): Dr.GRPO (Liu et al. 2025, "Understanding R1-Zero-Like Training")
 * drops the std division; TRL scale_rewards="none"; verl norm_adv_by_std_in_grpo=False.
 */
export const noScaling: RewardScaling = {
  name: 'none',
  reference: 'Dr.GRPO; TRL scale_rewards="none"; verl norm_adv_by_std_in_grpo=False',
  divisors: (groups) => groups.map(() => 1),
};
