import type { Box } from '@mixed-r1/records';
import type { CandidateSample } from '../candidate';
import type { LimitSettings } from '../config/engine-config';

// Checks of one normalised sample. Each returns undefined when the sample passes, else the reason,
// as "<what>: <detail>", so reasons group by the text before the first colon in reports.

const MIN_OPTIONS = 2;
const MAX_OPTIONS = 26;
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Whether the answer fits the task type; the parts that need the image size are in `checkBoxInImage`. */
export function checkAnswer(sample: CandidateSample, limits: LimitSettings): string | undefined {
  if (sample.question === '') return 'empty question: the question text is empty';
  switch (sample.task) {
    case 'yes_no':
      return sample.answer === 'yes' || sample.answer === 'no' ? undefined : `yes/no answer: expected "yes" or "no", found ${JSON.stringify(sample.answer)}`;
    case 'multiple_choice':
      return checkMultipleChoice(sample);
    case 'chart':
      return checkChart(sample.answer, limits);
    case 'grounding':
      return checkBoxShape(sample.answerBox);
    case 'open_ended':
      return sample.answer === '' ? 'open-ended reference: the reference answer is empty' : undefined;
  }
}

function checkMultipleChoice(sample: CandidateSample): string | undefined {
  const { options, answer } = sample;
  if (options === null || options.length < MIN_OPTIONS || options.length > MAX_OPTIONS) {
    return `multiple-choice options: expected ${MIN_OPTIONS} to ${MAX_OPTIONS} options, found ${options === null ? 'none' : options.length}`;
  }
  const empty = options.findIndex((option) => option === '');
  if (empty >= 0) return `multiple-choice options: option ${LETTERS[empty]} is empty`;
  if (!/^[A-Z]$/.test(answer)) return `multiple-choice answer: expected an option letter, found ${JSON.stringify(answer)}`;
  const last = LETTERS[options.length - 1];
  if (answer > last) return `multiple-choice answer: "${answer}" is not among the ${options.length} options (A to ${last})`;
  return undefined;
}

function checkChart(answer: string, limits: LimitSettings): string | undefined {
  if (answer === '') return 'chart answer: the answer is empty';
  if (answer.length > limits.maxChartAnswerChars) {
    return `chart answer: ${answer.length} characters, over the limit of ${limits.maxChartAnswerChars} (limits.maxChartAnswerChars)`;
  }
  return undefined;
}

function checkBoxShape(box: Box | null): string | undefined {
  if (box === null) return 'grounding box: the sample has no box';
  if (!box.every(Number.isFinite)) return `grounding box: expected 4 finite numbers, found [${box.join(', ')}]`;
  const [x1, y1, x2, y2] = box;
  if (!(x2 > x1 && y2 > y1)) return `grounding box: expected x2 > x1 and y2 > y1, found [${box.join(', ')}]`;
  return undefined;
}

/** A grounding box must lie inside the image: 0 <= x1 < x2 <= width, 0 <= y1 < y2 <= height. */
export function checkBoxInImage(sample: CandidateSample, width: number, height: number): string | undefined {
  if (sample.task !== 'grounding' || sample.answerBox === null) return undefined;
  const [x1, y1, x2, y2] = sample.answerBox;
  if (x1 < 0 || y1 < 0 || x2 > width || y2 > height) {
    return `grounding box: [${sample.answerBox.join(', ')}] is not inside the ${width}x${height} image`;
  }
  return undefined;
}

/** Size bounds of a decoded image (limits.minSide, maxSide, maxAspectRatio, maxPixels). */
export function checkImageSize(width: number, height: number, limits: LimitSettings): string | undefined {
  const shorter = Math.min(width, height);
  const longer = Math.max(width, height);
  if (shorter < limits.minSide) return `image too small: ${width}x${height} has a side under ${limits.minSide} px (limits.minSide)`;
  if (longer > limits.maxSide) return `image too large: ${width}x${height} has a side over ${limits.maxSide} px (limits.maxSide)`;
  if (longer / shorter > limits.maxAspectRatio) {
    return `image aspect ratio: ${width}x${height} is ${(longer / shorter).toFixed(1)}:1, over ${limits.maxAspectRatio}:1 (limits.maxAspectRatio)`;
  }
  if (width * height > limits.maxPixels) return `image too many pixels: ${width}x${height} is over ${limits.maxPixels} pixels (limits.maxPixels)`;
  return undefined;
}

/** A size the candidate declares must be the size of its image. */
export function checkDeclaredSize(sample: CandidateSample, width: number, height: number): string | undefined {
  const { imageWidth, imageHeight } = sample;
  if (imageWidth === undefined && imageHeight === undefined) return undefined;
  if (imageWidth === width && imageHeight === height) return undefined;
  return `image size mismatch: the sample declares ${imageWidth}x${imageHeight}, the image is ${width}x${height}`;
}
