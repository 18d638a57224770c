import { TASK_TYPES, type TaskType } from '@mixed-r1/records';
import { TASK_REWARD_NAMES, type TaskReward, type TaskRewardName } from './task-reward';
import { bmasReward } from './task-rewards/bmas-reward';
import { chartReward } from './task-rewards/chart-reward';
import { iouReward } from './task-rewards/iou-reward';
import { matchingReward } from './task-rewards/matching-reward';

/** Every task reward, by name: the one place rewards are registered. */
export const TASK_REWARDS: Readonly<Record<TaskRewardName, TaskReward>> = Object.freeze({
  matching: matchingReward,
  chart: chartReward,
  iou: iouReward,
  bmas: bmasReward,
});

function rewardsByTask(): Readonly<Record<TaskType, TaskReward>> {
  const byTask: Partial<Record<TaskType, TaskReward>> = {};
  for (const reward of Object.values(TASK_REWARDS)) {
    for (const task of reward.tasks) {
      if (byTask[task]) throw new Error(`task "${task}" is claimed by rewards "${byTask[task]?.name}" and "${reward.name}"`);
      byTask[task] = reward;
    }
  }
  const unclaimed = TASK_TYPES.filter((task) => !byTask[task]);
  if (unclaimed.length > 0) throw new Error(`no reward registered for task(s) ${unclaimed.join(', ')}`);
  return Object.freeze(byTask as Record<TaskType, TaskReward>);
}

const REWARD_OF_TASK = rewardsByTask();

/** The reward registered for a task type. */
export function taskRewardFor(task: TaskType): TaskReward {
  return REWARD_OF_TASK[task];
}

/** A task reward by name; an unknown name throws with the valid names. */
export function taskRewardNamed(name: string): TaskReward {
  if (!(TASK_REWARD_NAMES as readonly string[]).includes(name)) {
    throw new Error(`unknown reward "${name}"; valid rewards: ${TASK_REWARD_NAMES.join(', ')}`);
  }
  return TASK_REWARDS[name as TaskRewardName];
}
