import type { Table } from 'apache-arrow';
import { scoreBatch, type RewardConfig, type RewardContext } from '@mixed-r1/rewards';
import type { Size } from '@mixed-r1/records';

/**
 * Scoring stage: the rewards package's `scoreBatch` over the rollout and sample batches, with
 * grounding boxes read in each image's model-input frame.
 */
export function scoreRollouts(rollouts: Table, samples: Table, inputSizes: ReadonlyMap<string, Size>, config: RewardConfig, context: RewardContext): Table {
  return scoreBatch(rollouts, samples, { config, context, inputSizeOf: (sample) => inputSizes.get(sample.id) ?? null });
}
