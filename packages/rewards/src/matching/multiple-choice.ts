import { RewardInputError } from '../reward-input';
import { declaredLetter, indexOfLetter, loneLetters } from './option-letter';
import { optionIndexByText } from './option-text';

/** No choice, two different letters, or a letter beyond the options. */
export const NO_CHOICE = -1;

function optionOfLetter(letter: string, options: readonly string[]): number {
  const index = indexOfLetter(letter);
  return index < options.length ? index : NO_CHOICE;
}

/**
 * The option an answer chooses (SPEC.md section 2): the letter it is written as ("B", "(B)",
 * "The answer is B", "B. text"); else the option whose text it equals; else the one capital
 * letter it names. Two different letters, a letter beyond the options, or nothing: NO_CHOICE.
 */
export function chosenOption(answer: string, options: readonly string[]): number {
  const declared = declaredLetter(answer);
  if (declared !== null) return optionOfLetter(declared, options);
  const byText = optionIndexByText(answer, options);
  if (byText !== NO_CHOICE) return byText;
  const letters = loneLetters(answer);
  return letters.length === 1 ? optionOfLetter(letters[0], options) : NO_CHOICE;
}

/** The ground-truth option of a sample; a ground truth that names no option is a sample error. */
export function groundTruthOption(sampleId: string, answer: string, options: readonly string[]): number {
  const index = chosenOption(answer.trim(), options);
  if (index === NO_CHOICE) {
    throw new RewardInputError(
      `sample "${sampleId}": multiple-choice ground truth "${answer}" is neither one option letter ` +
        `within A..${String.fromCharCode(64 + options.length)} nor one option's text`,
    );
  }
  return index;
}
