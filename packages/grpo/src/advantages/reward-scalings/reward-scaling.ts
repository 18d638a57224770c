/** The names of `scaleRewards`. */
export type RewardScalingName = 'group' | 'batch' | 'none';

/**
 * How the group-centred rewards r_i - mean(group) are divided (TRL GRPOConfig.scale_rewards).
 * One scaling per file; the registry lists them.
 */
export interface RewardScaling {
  readonly name: RewardScalingName;
  /** The peer this matches. */
  readonly reference: string;
  /** The divisor of each group's centred rewards, given every group's rewards (float64). */
  divisors(groups: readonly (readonly number[])[], eps: number): number[];
}
