import type { Table } from 'apache-arrow';
import { buildBatch, rolloutSchema } from '@mixed-r1/records';
import { rolloutRows, type Policy, type Rng } from '@mixed-r1/policy';
import type { PreparedPrompt } from './prepared-prompt';

export interface RolloutSettings {
  readonly groupSize: number;
  readonly maxNewTokens: number;
  readonly temperature: number;
  readonly topP: number;
  readonly topK: number;
}

/**
 * Rollout stage: G completions per prompt from the current policy (the prompt encoded once per
 * group, KV cache), as a `rollout` batch: token ids, text and the sampling log-probs.
 */
export function rollOut(policy: Policy, prompts: readonly PreparedPrompt[], settings: RolloutSettings, rng: Rng): Table {
  const rows = prompts.flatMap(({ sample, prompt }) => {
    const completions = policy.generate(
      prompt,
      { groupSize: settings.groupSize, maxNewTokens: settings.maxNewTokens, temperature: settings.temperature, topP: settings.topP, topK: settings.topK },
      rng,
    );
    return rolloutRows(sample.id, prompt.tokenIds, completions, policy.tokenizer);
  });
  return buildBatch(rolloutSchema, rows);
}
