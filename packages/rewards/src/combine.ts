import type { TaskWeights } from './reward-config';

/**
 * total = task_reward * w_task + format_reward * w_format (SPEC.md section 2). A component that
 * did not apply or could not be computed (null) adds nothing; it stays null in the reward batch.
 */
export function combineRewards(taskReward: number | null, formatReward: number | null, weights: TaskWeights): number {
  return (taskReward ?? 0) * weights.task + (formatReward ?? 0) * weights.format;
}
