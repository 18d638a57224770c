import type { TaskType } from '@mixed-r1/records';
import type { CompletionScore } from '@mixed-r1/rewards';
import type { BenchRow } from '../bench/bench-row';

export const METRIC_NAMES = ['matching_accuracy', 'relaxed_accuracy', 'acc_iou_0_5', 'mean_iou', 'bmas', 'format'] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/** What a metric sees of one answered row: the row, the extracted answer and the rewards' scores. */
export interface MetricInput {
  readonly row: BenchRow;
  /** The answer extracted from the completion by the rewards' rule (`extractAnswer`). */
  readonly answer: string;
  /** The rewards' scores of the completion (format and the task's reward, boxes already mapped). */
  readonly score: CompletionScore;
}

/**
 * One evaluation metric: a per-row value in [0, 1] (null where it cannot be computed, e.g. BMAS
 * without an embedding table; the reason is the score's), averaged over rows with a bootstrap CI.
 */
export interface Metric {
  readonly name: MetricName;
  /** Short label for tables and charts ("Acc@0.5"). */
  readonly label: string;
  /** The task types it applies to; null: every task. */
  readonly tasks: readonly TaskType[] | null;
  /** Values are 0 or 1 (a correctness); such metrics make up a group's accuracy. */
  readonly binary: boolean;
  /** The definition and its reference, one sentence. */
  readonly definition: string;
  value(input: MetricInput): number | null;
}
