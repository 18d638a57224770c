import { besselStd } from '../statistics';
import type { RewardScaling } from './reward-scaling';

/**
 * A_i = (r_i - mean(group)) / (std(group) + eps): GRPO (DeepSeekMath eq. 3); TRL
 * `GRPOTrainer._generate_and_score_completions` with scale_rewards="group"; verl
 * `core_algos.compute_grpo_outcome_advantage` (norm_adv_by_std_in_grpo=True).
 */
export const groupScaling: RewardScaling = {
  name: 'group',
  reference: 'TRL scale_rewards="group"; verl compute_grpo_outcome_advantage',
  divisors: (groups, eps) => groups.map((rewards) => besselStd(rewards) + eps),
};
