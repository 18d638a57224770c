import type { Table } from 'apache-arrow';
import { advantageSchema, buildBatch, rewardSchema, rowsFromBatch } from '@mixed-r1/records';
import { computeAdvantages, type GrpoConfig, type SkippedGroup } from '@mixed-r1/grpo';

export interface AdvantageStageResult {
  readonly advantages: Table;
  readonly skipped: readonly SkippedGroup[];
  readonly fracRewardZeroStd: number;
}

/** Advantage stage: group-relative advantages of the reward batch (the grpo package's rules). */
export function advantagesOf(rewards: Table, config: GrpoConfig): AdvantageStageResult {
  const rows = rowsFromBatch(rewardSchema, rewards);
  const result = computeAdvantages(rows, { numGenerations: config.numGenerations, scaleRewards: config.scaleRewards, advantageEps: config.advantageEps, onNonFinite: config.onNonFinite });
  return { advantages: buildBatch(advantageSchema, [...result.rows]), skipped: result.skipped, fracRewardZeroStd: result.stats.fracRewardZeroStd };
}
