import type { Table } from 'apache-arrow';
import {
  buildBatch,
  rewardSchema,
  rolloutSchema,
  rowsFromBatch,
  sampleSchema,
  type RewardRow,
  type SampleRow,
  type Size,
} from '@mixed-r1/records';
import { DEFAULT_REWARD_CONFIG, type RewardConfig } from './reward-config';
import type { RewardInput } from './reward-input';
import { scoreCompletion } from './score-completion';
import type { RewardContext } from './task-reward';

export interface ScoreBatchOptions {
  readonly config?: RewardConfig;
  readonly context?: RewardContext;
  /**
   * The model-input size [width, height] of a sample's image, e.g. the vision package's
   * smart_resize of it; grounding boxes are read in that frame. Default: the original size.
   */
  readonly inputSizeOf?: (sample: SampleRow) => Size | null;
}

/** The reward input of one rollout of a sample. */
export function rewardInputOf(sample: SampleRow, completion: string, inputSize: Size | null): RewardInput {
  return {
    id: sample.id,
    task: sample.task,
    completion,
    answer: sample.answer,
    options: sample.options,
    box: sample.answerBox,
    imageSize: [sample.imageWidth, sample.imageHeight],
    inputSize,
  };
}

function indexById(samples: readonly SampleRow[]): Map<string, SampleRow> {
  const byId = new Map<string, SampleRow>();
  for (const sample of samples) byId.set(sample.id, sample);
  return byId;
}

function unmatchedRow(sampleId: string, groupIndex: number): RewardRow {
  return {
    sampleId,
    groupIndex,
    task: null,
    total: 0,
    format: null,
    matching: null,
    chart: null,
    iou: null,
    bmas: null,
    reason: `rollout of sample "${sampleId}" has no sample with that id in the sample batch`,
  };
}

/**
 * Scores a rollout batch against its samples: one reward row per rollout, in rollout order, with
 * the total and every component (SPEC.md section 2). A rollout whose sample is missing or cannot
 * be scored keeps its row, with a reason.
 */
export function scoreBatch(rollouts: Table, samples: Table, options: ScoreBatchOptions = {}): Table {
  const config = options.config ?? DEFAULT_REWARD_CONFIG;
  const context = options.context ?? { similarity: null };
  const sampleById = indexById(rowsFromBatch(sampleSchema, samples));
  const rows = rowsFromBatch(rolloutSchema, rollouts).map((rollout): RewardRow => {
    const sample = sampleById.get(rollout.sampleId);
    if (!sample) return unmatchedRow(rollout.sampleId, rollout.groupIndex);
    const inputSize = options.inputSizeOf?.(sample) ?? null;
    const score = scoreCompletion(rewardInputOf(sample, rollout.completionText, inputSize), config, context);
    return { sampleId: sample.id, groupIndex: rollout.groupIndex, task: sample.task, total: score.total, ...score.components, reason: score.reason };
  });
  return buildBatch(rewardSchema, rows);
}
