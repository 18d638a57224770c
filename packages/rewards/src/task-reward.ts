import type { TaskType } from '@mixed-r1/records';
import type { RewardInput } from './reward-input';

/** The task rewards of SPEC.md section 2; the format reward applies to every task. */
export const TASK_REWARD_NAMES = ['matching', 'chart', 'iou', 'bmas'] as const;
export type TaskRewardName = (typeof TASK_REWARD_NAMES)[number];

/** Scores an open-ended answer against its reference (BMAS); the reference is cached by key. */
export interface ReferenceSimilarity {
  score(answer: string, reference: string, referenceKey?: string): number;
}

/** What rewards may need beyond the record itself. */
export interface RewardContext {
  /** BMAS needs an embedding table; null when none was given. */
  readonly similarity: ReferenceSimilarity | null;
}

/**
 * One reward of one family. `score` is a pure function of the extracted answer and the record:
 * a value in [0, 1], or a RewardInputError thrown for a record it cannot score.
 */
export interface TaskReward {
  readonly name: TaskRewardName;
  readonly tasks: readonly TaskType[];
  /** Why this reward cannot run in this context (e.g. no embedding table), or null. */
  unavailable(context: RewardContext): string | null;
  score(answer: string, input: RewardInput, context: RewardContext): number;
}
