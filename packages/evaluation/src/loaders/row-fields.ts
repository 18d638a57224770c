import { chosenOption, NO_CHOICE } from '@mixed-r1/rewards';
import type { Box, TaskType } from '@mixed-r1/records';
import { isYesNoAnswer } from '../bench/task-inference';

// Checks shared by the loaders: the fields a row of a task type needs.

const NUMBER = String.raw`[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?`;
const BOX_TEXT = new RegExp(String.raw`^\[\s*(${NUMBER})\s*,\s*(${NUMBER})\s*,\s*(${NUMBER})\s*,\s*(${NUMBER})\s*\]$`);

/** A box written exactly as `[x1, y1, x2, y2]` (finite numbers), or null. */
export function parseBoxText(text: string): Box | null {
  const match = BOX_TEXT.exec(text.trim());
  if (!match) return null;
  const box: Box = [Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4])];
  return box.every(Number.isFinite) ? box : null;
}

/** Why a ground-truth box is not usable, or null. */
export function boxProblem(box: Box): string | null {
  return box[2] > box[0] && box[3] > box[1] ? null : `box [${box.join(', ')}] is empty (x2 <= x1 or y2 <= y1)`;
}

const letters = (count: number) => (count > 0 ? `A-${String.fromCharCode(64 + count)}` : 'none');

/** Why the row's fields do not fit its task type (the rewards could not score it), or null. */
export function taskFieldsProblem(task: TaskType, answer: string, options: readonly string[] | null, box: Box | null): string | null {
  switch (task) {
    case 'multiple_choice':
      if (!options || options.length === 0) return 'multiple_choice needs options (columns A, B, ...); the row has none';
      if (chosenOption(answer, options) === NO_CHOICE) return `answer ${JSON.stringify(answer)} names none of the option letters ${letters(options.length)}`;
      return null;
    case 'yes_no':
      return isYesNoAnswer(answer) ? null : `yes_no answer must be "yes" or "no", found ${JSON.stringify(answer)}`;
    case 'grounding':
      return box ? boxProblem(box) : `grounding needs a box [x1, y1, x2, y2] (a "box" field or a box as the answer); found answer ${JSON.stringify(answer)}`;
    case 'chart':
    case 'open_ended':
      return null;
  }
}
