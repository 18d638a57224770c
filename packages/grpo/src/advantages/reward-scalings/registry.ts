import { batchScaling } from './batch';
import { groupScaling } from './group';
import { noScaling } from './none';
import type { RewardScaling, RewardScalingName } from './reward-scaling';

/** Every reward scaling, by name: the one place they are registered. */
export const REWARD_SCALINGS: Readonly<Record<RewardScalingName, RewardScaling>> = Object.freeze({
  group: groupScaling,
  batch: batchScaling,
  none: noScaling,
});

export const REWARD_SCALING_NAMES = Object.freeze(Object.keys(REWARD_SCALINGS)) as readonly RewardScalingName[];

/** A reward scaling by name; an unknown name throws with the valid names. */
export function rewardScalingNamed(name: string): RewardScaling {
  if (!(REWARD_SCALING_NAMES as readonly string[]).includes(name)) {
    throw new Error(`unknown reward scaling "${name}"; valid scalings: ${REWARD_SCALING_NAMES.join(', ')}`);
  }
  return REWARD_SCALINGS[name as RewardScalingName];
}
