import type { Table } from 'apache-arrow';
import { REWARD_COMPONENTS, rewardSchema, rolloutSchema, rowsFromBatch, type RewardRow } from '@mixed-r1/records';

/** A completion counts as correct when its task reward reaches this (IoU: Acc@0.5; the others are 0/1). */
export const CORRECT_AT = 0.5;

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

function taskReward(row: RewardRow): number | null {
  return row.matching ?? row.chart ?? row.iou ?? row.bmas;
}

/**
 * Per task type and per reward component: mean reward, accuracy, mean completion length; flat
 * keys ("reward/yes_no", "accuracy/grounding", "format/chart", "length/open_ended", ...) for the
 * metrics JSONL and the report's curves.
 */
export function rewardMetrics(rewards: Table, rollouts: Table): Record<string, number | null> {
  const rows = rowsFromBatch(rewardSchema, rewards);
  const lengths = rowsFromBatch(rolloutSchema, rollouts).map((rollout) => rollout.completionTokenIds.length);
  const metrics: Record<string, number | null> = {
    reward: mean(rows.map((row) => row.total)),
    completion_length: mean(lengths),
  };
  const tasks = [...new Set(rows.map((row) => row.task).filter((task) => task !== null))];
  for (const task of tasks) {
    const indices = rows.flatMap((row, i) => (row.task === task ? [i] : []));
    const ofTask = indices.map((i) => rows[i]);
    metrics[`reward/${task}`] = mean(ofTask.map((row) => row.total));
    const scored = ofTask.map(taskReward).filter((value): value is number => value !== null);
    metrics[`accuracy/${task}`] = mean(scored.map((value) => (value >= CORRECT_AT ? 1 : 0)));
    metrics[`length/${task}`] = mean(indices.map((i) => lengths[i]));
    for (const component of REWARD_COMPONENTS) {
      const values = ofTask.map((row) => row[component]).filter((value): value is number => value !== null);
      if (values.length > 0) metrics[`${component}/${task}`] = mean(values);
    }
  }
  return metrics;
}
