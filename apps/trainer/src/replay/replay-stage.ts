import { join } from 'node:path';
import type { Table } from 'apache-arrow';
import { advantageSchema, readIpcFile, rewardSchema, rolloutSchema, rowsFromBatch, sampleSchema, type Size } from '@mixed-r1/records';
import type { RewardContext } from '@mixed-r1/rewards';
import type { TrainerConfig } from '../config/trainer-config';
import { ImagePreparer } from '../data/image-inputs';
import { advantagesOf } from '../grpo/advantage-stage';
import { BATCH_FILES } from '../grpo/dump-batches';
import { grpoConfigOf, rewardConfigOf } from '../grpo/grpo-settings';
import { scoreRollouts } from '../grpo/score-stage';

export const REPLAY_STAGES = ['score', 'advantages'] as const;
export type ReplayStage = (typeof REPLAY_STAGES)[number];

export interface ReplayResult {
  readonly stage: ReplayStage;
  /** The recomputed batch and the dumped one it is compared with. */
  readonly recomputed: Table;
  readonly dumped: Table;
  /** Rows whose values differ (by JSON of the row), as indices. */
  readonly differingRows: number[];
}

function differences(a: readonly object[], b: readonly object[]): number[] {
  const rows = Math.max(a.length, b.length);
  return Array.from({ length: rows }, (_, i) => i).filter((i) => JSON.stringify(a[i]) !== JSON.stringify(b[i]));
}

/**
 * Re-runs one stage of a dumped GRPO step from its input batches (the files `--dump-batches`
 * wrote) and compares the result with the dumped output: the stages are functions of their
 * Arrow inputs, so the two must be equal.
 */
export function replayStage(stepDir: string, stage: ReplayStage, config: TrainerConfig, context: RewardContext = { similarity: null }): ReplayResult {
  const read = <T extends keyof typeof BATCH_FILES>(name: T, schema: Parameters<typeof readIpcFile>[1]) => readIpcFile(join(stepDir, BATCH_FILES[name]), schema);
  if (stage === 'score') {
    const samples = read('samples', sampleSchema);
    const images = new ImagePreparer(config.image);
    const inputSizes = new Map<string, Size>(rowsFromBatch(sampleSchema, samples).map((sample) => [sample.id, images.inputSize(sample)]));
    const recomputed = scoreRollouts(read('rollouts', rolloutSchema), samples, inputSizes, rewardConfigOf(config), context);
    const dumped = read('rewards', rewardSchema);
    return { stage, recomputed, dumped, differingRows: differences(rowsFromBatch(rewardSchema, recomputed), rowsFromBatch(rewardSchema, dumped)) };
  }
  const { advantages } = advantagesOf(read('rewards', rewardSchema), grpoConfigOf(config));
  const dumped = read('advantages', advantageSchema);
  return { stage, recomputed: advantages, dumped, differingRows: differences(rowsFromBatch(advantageSchema, advantages), rowsFromBatch(advantageSchema, dumped)) };
}
