import type { Box, Size } from '@mixed-r1/records';
import { inputBoxToOriginal, intersectionOverUnion, isProperBox } from '../box-geometry';
import { parseBox } from '../parse-box';
import { RewardInputError, type RewardInput } from '../reward-input';
import type { TaskReward } from '../task-reward';

function isProperSize(size: Size | null | undefined): size is Size {
  return !!size && size.length === 2 && size.every((side) => Number.isFinite(side) && side > 0);
}

function groundTruthBox(input: RewardInput): Box {
  const box = input.box;
  if (!box || box.length !== 4 || !isProperBox(box)) {
    throw new RewardInputError(
      `sample "${input.id}": grounding ground truth box must be [x1, y1, x2, y2] with x2 > x1 and y2 > y1, found ${JSON.stringify(box ?? null)}`,
    );
  }
  return box;
}

function originalFrameBox(predicted: Box, input: RewardInput): Box {
  if (input.inputSize == null) return predicted;
  if (!isProperSize(input.inputSize) || !isProperSize(input.imageSize)) {
    throw new RewardInputError(
      `sample "${input.id}": mapping a box from the model-input frame needs positive input_size and image_size [width, height], ` +
        `found input_size ${JSON.stringify(input.inputSize)} and image_size ${JSON.stringify(input.imageSize ?? null)}`,
    );
  }
  return inputBoxToOriginal(predicted, input.inputSize, input.imageSize);
}

/**
 * IoU reward (SPEC.md section 2): the first box in the answer, given in the model-input frame,
 * mapped to the original frame, against the ground truth; no box or a degenerate box scores 0.
 */
export const iouReward: TaskReward = {
  name: 'iou',
  tasks: ['grounding'],
  unavailable: () => null,
  score: (answer, input) => {
    const truth = groundTruthBox(input);
    const predicted = parseBox(answer);
    return predicted ? intersectionOverUnion(originalFrameBox(predicted, input), truth) : 0;
  },
};
