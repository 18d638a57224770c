import type { Box, Size, TaskType } from '@mixed-r1/records';

/** Everything a reward may look at: one completion and the ground truth of its sample. */
export interface RewardInput {
  /** Sample id: names the row in errors and keys the BMAS reference cache. */
  readonly id: string;
  readonly task: TaskType;
  readonly completion: string;
  /** Ground truth: "yes"/"no", an option letter, a chart value, a reference text. */
  readonly answer: string;
  /** Multiple choice: the option texts, option i has letter "A" + i. */
  readonly options?: readonly string[] | null;
  /** Grounding: the ground-truth box [x1, y1, x2, y2] in original-image pixels. */
  readonly box?: Box | null;
  /** Original image [width, height]. */
  readonly imageSize?: Size | null;
  /** Model-input image [width, height] (after resizing); absent means the same as imageSize. */
  readonly inputSize?: Size | null;
}

/** A sample that cannot be scored as given (missing options, a box that is not a box, ...). */
export class RewardInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RewardInputError';
  }
}
