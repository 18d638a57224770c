// Which tokens of a worked solution repeat the question: the slots of its reasoning templates
// ("None of them is a <blue diamond>", "there are 2 squares, not <3>", "That is option <D>, "<purple>"").
// A tiny model learns the templates long before it learns to fill their slots from the question;
// `sft.copyWeight` weights these tokens in the loss the way `sft.answerWeight` weights the answer.

/** A token's word: its text lower-cased, without the spaces and punctuation around it ("" when it has no letter or digit). */
export function tokenWord(text: string): string {
  return text
    .toLowerCase()
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

const WORD = /[\p{L}\p{N}]+/gu;

/** A text's words, lower-cased. */
function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/**
 * The words of a question (with its options) that the instruction after it does not use: the
 * instruction's "the", "in", "and" are not the question's. A bracketed answer layout such as
 * "[x1, y1, x2, y2]" names nothing to copy, so its words are left out.
 */
export function questionWords(question: string, instruction: string): Set<string> {
  const common = new Set(wordsOf(instruction));
  return new Set(wordsOf(question.replace(/\[[^\]]*\]/g, ' ')).filter((word) => !common.has(word)));
}

/** Positions in [from, to) of `tokenTexts` whose word is one of `words`. */
export function copiedPositions(tokenTexts: readonly string[], from: number, to: number, words: ReadonlySet<string>): number[] {
  const positions: number[] = [];
  for (let position = from; position < to; position++) if (words.has(tokenWord(tokenTexts[position]))) positions.push(position);
  return positions;
}
