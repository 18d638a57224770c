import { isTaskType, type RewardComponent } from '@mixed-r1/records';
import { combineRewards } from './combine';
import { extractAnswer } from './extract-answer';
import { formatReward } from './format-reward';
import type { RewardConfig } from './reward-config';
import { RewardInputError, type RewardInput } from './reward-input';
import { taskRewardFor } from './registry';
import type { RewardContext } from './task-reward';

export type RewardComponents = Record<RewardComponent, number | null>;

/** The scores of one completion: the weighted total, every component, and why a part is missing. */
export interface CompletionScore {
  readonly total: number;
  readonly components: RewardComponents;
  readonly reason: string | null;
}

function noComponents(): RewardComponents {
  return { format: null, matching: null, chart: null, iou: null, bmas: null };
}

function utf8Length(text: string): number {
  // A UTF-16 code unit is at most 3 UTF-8 bytes: skip the count for short texts.
  return text.length * 3 <= 1024 ? text.length : Buffer.byteLength(text, 'utf8');
}

function oversized(input: RewardInput, bytes: number, config: RewardConfig): CompletionScore {
  const components = noComponents();
  const reward = taskRewardFor(input.task);
  if (config.enabled.includes('format')) components.format = 0;
  if (config.enabled.includes(reward.name)) components[reward.name] = 0;
  const reason = `completion of sample "${input.id}" is ${bytes} bytes, over the ${config.maxCompletionBytes}-byte cap`;
  return { total: 0, components, reason };
}

/**
 * Scores one completion with the format reward and its task's reward, combined with the task's
 * weights. Nothing throws for a bad record: it is scored as far as possible and the reason kept.
 */
export function scoreCompletion(input: RewardInput, config: RewardConfig, context: RewardContext): CompletionScore {
  if (!isTaskType(input.task)) {
    return { total: 0, components: noComponents(), reason: `sample "${input.id}": unknown task ${JSON.stringify(input.task)}` };
  }
  const bytes = utf8Length(input.completion);
  if (bytes > config.maxCompletionBytes) return oversized(input, bytes, config);

  const components = noComponents();
  let reason: string | null = null;
  if (config.enabled.includes('format')) components.format = formatReward(input.completion);
  const reward = taskRewardFor(input.task);
  if (config.enabled.includes(reward.name)) {
    reason = reward.unavailable(context);
    if (reason === null) {
      try {
        components[reward.name] = reward.score(extractAnswer(input.completion), input, context);
      } catch (error) {
        if (!(error instanceof RewardInputError)) throw error;
        reason = error.message;
      }
    }
  }
  const total = combineRewards(components[reward.name], components.format, config.weights[input.task]);
  return { total, components, reason };
}
