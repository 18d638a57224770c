import type { Box, Size, TaskType } from '@mixed-r1/records';
import type { RewardComponents } from '@mixed-r1/rewards';
import type { MetricName } from '../metrics/metric';

/** Whether a row had a completion to score. */
export type PredictionStatus = 'ok' | 'missing' | 'failed';

/** One benchmark row scored: what was predicted, every metric, and the training rewards. */
export interface ScoredRow {
  readonly benchmark: string;
  readonly index: string;
  readonly task: TaskType;
  readonly category: string;
  /** `missing`: no prediction for the row (scored as an empty completion); `failed`: generation failed. */
  readonly status: PredictionStatus;
  /** The completion as generated (empty when missing or failed). */
  readonly completion: string;
  /** The answer extracted from it. */
  readonly answer: string;
  /** The ground truth. */
  readonly target: string;
  /** The value of each metric that applies to the row's task (null: not computable, see reason). */
  readonly metrics: Partial<Record<MetricName, number | null>>;
  /** The task's headline metric when it is a correctness (0 or 1), else null. */
  readonly correct: 0 | 1 | null;
  /** The training reward: weighted total and components, as the trainer would score the completion. */
  readonly reward: { readonly total: number } & RewardComponents;
  /** Grounding: the boxes in original-image pixels (the prediction mapped from its frame), for reports. */
  readonly boxes?: { readonly truth: Box; readonly predicted: Box | null; readonly imageSize: Size };
  readonly reason: string | null;
}
