// Matching an answer to an option by its text (SPEC.md section 2): equal after normalising case,
// whitespace and trailing punctuation. The answer is compared to each option as it is read, so
// a long answer costs no more than the option it is compared with.

const TRAILING_PUNCTUATION = /[\s.,;:!?。]+$/u;
const ONLY_TRAILING = /^[\s.,;:!?。]*$/u;
const WHITESPACE = /\s/;

function lowerEachCharacter(text: string): string {
  let lower = '';
  for (const character of text) lower += character.toLowerCase();
  return lower;
}

/** Normalised option text: lower case, single spaces, no trailing punctuation. */
export function normaliseOptionText(text: string): string {
  return lowerEachCharacter(text.replace(/\s+/g, ' ').trim().replace(TRAILING_PUNCTUATION, ''));
}

/** Whether normaliseOptionText(answer) === target, stopping at the first difference. */
function normalisesTo(answer: string, target: string): boolean {
  let at = 0;
  while (at < answer.length && WHITESPACE.test(answer[at])) at++;
  let matched = 0;
  while (at < answer.length) {
    if (WHITESPACE.test(answer[at])) {
      let next = at;
      while (next < answer.length && WHITESPACE.test(answer[next])) next++;
      if (next === answer.length) break;
      if (target[matched] !== ' ') return matched === target.length && ONLY_TRAILING.test(answer.slice(at));
      matched++;
      at = next;
      continue;
    }
    const character = String.fromCodePoint(answer.codePointAt(at) as number);
    const lower = character.toLowerCase();
    if (!target.startsWith(lower, matched)) return matched === target.length && ONLY_TRAILING.test(answer.slice(at));
    matched += lower.length;
    at += character.length;
  }
  return matched === target.length;
}

/** Index of the first option whose normalised text equals the answer's, or -1. */
export function optionIndexByText(answer: string, options: readonly string[]): number {
  return options.findIndex((option) => {
    const target = normaliseOptionText(option);
    return target.length > 0 && normalisesTo(answer, target);
  });
}
