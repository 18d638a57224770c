import type { PixelsRow, RolloutRow } from '@mixed-r1/records';
import type { ImageInput } from '../model/image-input';
import type { PolicyTokenizer } from '../tokenizer/policy-tokenizer';
import type { GeneratedSequence } from './generate';

/**
 * The `rollout` records (records package schema) of one group: one row per completion, its text
 * decoded without special tokens (as TRL's GRPOTrainer does; format tags such as <think> are normal
 * tokens and stay).
 */
export function rolloutRows(sampleId: string, promptTokenIds: readonly number[], sequences: readonly GeneratedSequence[], tokenizer: PolicyTokenizer): RolloutRow[] {
  const prompt = Int32Array.from(promptTokenIds);
  return sequences.map((s, groupIndex) => ({
    sampleId,
    groupIndex,
    promptTokenIds: prompt,
    completionTokenIds: Int32Array.from(s.tokenIds),
    completionText: tokenizer.decode(s.tokenIds, { skipSpecialTokens: true }),
    logProbs: Float32Array.from(s.logProbs),
  }));
}

/** The vision tower's input from a `pixels` record of the Qwen processor (1176-value patch rows, grid_thw). */
export function imageFromPixels(row: PixelsRow): ImageInput {
  if (row.processor !== 'qwen2_5_vl') {
    throw new TypeError(`pixels of sample "${row.sampleId}": processor "${row.processor}" is not the Qwen2.5-VL one the policy takes`);
  }
  return { rows: row.rows, grid: { t: row.gridT, h: row.gridH, w: row.gridW } };
}
