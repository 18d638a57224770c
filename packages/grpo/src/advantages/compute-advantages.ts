import type { AdvantageRow } from '@mixed-r1/records';
import type { GrpoConfig } from '../config/grpo-config';
import { NonFiniteError, skippedGroupsOf, type NonFiniteSite, type SkippedGroup } from '../guards/non-finite-error';
import { groupRewards, type RewardGroup, type RewardInput } from './group-rewards';
import { REWARD_SCALINGS } from './reward-scalings/registry';
import { besselStd, mean } from './statistics';

export type AdvantageSettings = Pick<GrpoConfig, 'numGenerations' | 'scaleRewards' | 'advantageEps' | 'onNonFinite'>;

/** Statistics of one batch's rewards and advantages (kept groups only). */
export interface AdvantageStats {
  /** Groups that got advantages. */
  readonly groups: number;
  /** Groups whose rewards are all equal (A = 0: no learning signal). */
  readonly zeroStdGroups: number;
  /** zeroStdGroups / groups (TRL's frac_reward_zero_std); 0 when there are no groups. */
  readonly fracRewardZeroStd: number;
  readonly rewardMean: number;
  readonly rewardStd: number;
  readonly advantageMean: number;
  readonly advantageStd: number;
  readonly advantageMin: number;
  readonly advantageMax: number;
}

export interface AdvantageResult {
  /** One row per completion of the kept groups, in input order (the records `advantage` rows). */
  readonly rows: AdvantageRow[];
  readonly stats: AdvantageStats;
  /** Groups left out under onNonFinite: "skip-group", with the reason. */
  readonly skipped: readonly SkippedGroup[];
}

function nonFiniteRewards(rows: readonly RewardInput[], groups: readonly RewardGroup[]): NonFiniteSite[] {
  return groups.flatMap((group) =>
    group.rows
      .filter((i) => !Number.isFinite(rows[i].total))
      .map((i) => ({ sampleId: group.sampleId, groupIndex: rows[i].groupIndex, tensor: 'reward', token: null, value: rows[i].total })),
  );
}

/** Non-finite rewards: an error, or (skip-group) the groups to leave out. */
function screenRewards(rows: readonly RewardInput[], groups: RewardGroup[], settings: AdvantageSettings): { kept: RewardGroup[]; skipped: SkippedGroup[] } {
  const sites = nonFiniteRewards(rows, groups);
  if (sites.length === 0) return { kept: groups, skipped: [] };
  const error = new NonFiniteError('advantages', sites);
  if (settings.onNonFinite === 'error') throw error;
  const bad = new Set(error.groups);
  return { kept: groups.filter((g) => !bad.has(g.sampleId)), skipped: skippedGroupsOf(error) };
}

function summarise(rewards: number[], advantages: number[], groups: number, zeroStdGroups: number): AdvantageStats {
  const some = advantages.length > 0;
  return {
    groups,
    zeroStdGroups,
    fracRewardZeroStd: groups > 0 ? zeroStdGroups / groups : 0,
    rewardMean: some ? mean(rewards) : 0,
    rewardStd: rewards.length > 1 ? besselStd(rewards) : 0,
    advantageMean: some ? mean(advantages) : 0,
    advantageStd: advantages.length > 1 ? besselStd(advantages) : 0,
    advantageMin: some ? Math.min(...advantages) : 0,
    advantageMax: some ? Math.max(...advantages) : 0,
  };
}

/**
 * Group-relative advantages (SPEC.md section 3): A_i = (r_i - mean(group)) / divisor, the divisor
 * from `scaleRewards` (std with Bessel's correction + eps, as TRL
 * `GRPOTrainer._generate_and_score_completions` and verl
 * `core_algos.compute_grpo_outcome_advantage`). A group whose rewards are all equal gets A = 0
 * exactly and is counted in `fracRewardZeroStd`. Computed in float64; the rows store float32.
 */
export function computeAdvantages(rows: readonly RewardInput[], settings: AdvantageSettings): AdvantageResult {
  const { kept, skipped } = screenRewards(rows, groupRewards(rows, settings.numGenerations), settings);
  const rewardsOf = kept.map((g) => g.rows.map((i) => rows[i].total));
  const divisors = REWARD_SCALINGS[settings.scaleRewards].divisors(rewardsOf, settings.advantageEps);
  const advantageOf = new Map<number, number>();
  let zeroStdGroups = 0;
  kept.forEach((group, k) => {
    const rewards = rewardsOf[k];
    const allEqual = rewards.every((r) => r === rewards[0]);
    if (allEqual) zeroStdGroups += 1;
    const centre = mean(rewards);
    group.rows.forEach((row, j) => advantageOf.set(row, allEqual ? 0 : (rewards[j] - centre) / divisors[k]));
  });
  const out: AdvantageRow[] = [];
  const rewards: number[] = [];
  const advantages: number[] = [];
  rows.forEach((row, i) => {
    const advantage = advantageOf.get(i);
    if (advantage === undefined) return;
    out.push({ sampleId: row.sampleId, groupIndex: row.groupIndex, reward: row.total, advantage });
    rewards.push(row.total);
    advantages.push(advantage);
  });
  return { rows: out, stats: summarise(rewards, advantages, kept.length, zeroStdGroups), skipped };
}
