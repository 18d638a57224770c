import { RewardInputError, type RewardInput } from '../reward-input';
import type { TaskReward } from '../task-reward';
import { chosenOption, groundTruthOption, NO_CHOICE } from '../matching/multiple-choice';
import { firstYesNo } from '../matching/yes-no';

function yesNoScore(answer: string, input: RewardInput): number {
  const truth = firstYesNo(input.answer);
  if (truth === null) {
    throw new RewardInputError(`sample "${input.id}": yes/no ground truth "${input.answer}" holds neither "yes" nor "no"`);
  }
  return firstYesNo(answer) === truth ? 1 : 0;
}

function multipleChoiceScore(answer: string, input: RewardInput): number {
  const options = input.options ?? [];
  if (options.length === 0) {
    throw new RewardInputError(`sample "${input.id}": multiple-choice sample has no options`);
  }
  const truth = groundTruthOption(input.id, input.answer, options);
  const chosen = chosenOption(answer, options);
  return chosen !== NO_CHOICE && chosen === truth ? 1 : 0;
}

/** Matching reward (SPEC.md section 2): yes/no by the first whole yes/no word, multiple choice by option. */
export const matchingReward: TaskReward = {
  name: 'matching',
  tasks: ['yes_no', 'multiple_choice'],
  unavailable: () => null,
  score: (answer, input) => (input.task === 'yes_no' ? yesNoScore(answer, input) : multipleChoiceScore(answer, input)),
};
