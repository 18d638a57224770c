// Supervised duplicate-token attention: from each reasoning token, look back at the same token in
// the user's text, or at the row's first token when the user's text has none. A yes/no answer is an equality
// ("Is the diamond orange?" against "... and it is purple."), a second-order function of two
// tokens that gives plain next-token training no gradient until it is half learned. A head that
// marks whether a token repeats the question turns it into a first-order feature the answer can
// read (the "duplicate token heads" that language models grow: Wang et al. 2022, "Interpretability
// in the Wild", arXiv 2211.00593). The first token is the "no copy" target, not the token itself:
// a copy and the token carry the same value vector, so a head choosing between them would tell
// the layers above nothing.

import type { ReferentTargets } from './referent-targets';

/** Where the user's text and the reasoning are in a token row (positions; each range [start, end)). */
export interface DuplicateRowLayout {
  /** The user's text after the image (the question, its options and the instruction). */
  readonly questionStart: number;
  readonly questionEnd: number;
  /** The response up to and including `<answer>`. */
  readonly responseStart: number;
  readonly answerStart: number;
}

/**
 * The duplicate-attention targets of one row of token ids: each response position in
 * [responseStart, answerStart) queries the positions of the user's text that hold the same id,
 * or position 0 (the row's first token) when none does.
 */
export function questionDuplicateTargets(tokenIds: readonly number[], layout: DuplicateRowLayout): ReferentTargets {
  const { questionStart, questionEnd, responseStart, answerStart } = layout;
  if (!(0 < questionStart && questionStart <= questionEnd && questionEnd <= responseStart && responseStart <= answerStart && answerStart <= tokenIds.length)) {
    throw new RangeError(
      `questionDuplicateTargets: layout question [${questionStart}, ${questionEnd}), response [${responseStart}, ${answerStart}) does not fit a row of ${tokenIds.length} tokens in that order`,
    );
  }
  const inQuestion = new Map<number, number[]>();
  for (let position = questionStart; position < questionEnd; position++) {
    const copies = inQuestion.get(tokenIds[position]);
    if (copies) copies.push(position);
    else inQuestion.set(tokenIds[position], [position]);
  }
  const queries: number[] = [];
  const keys: number[][] = [];
  for (let position = responseStart; position < answerStart; position++) {
    queries.push(position);
    keys.push(inQuestion.get(tokenIds[position]) ?? [0]);
  }
  return { queries, keys };
}

/**
 * The user's text in a prompt row (the chat template's last user turn): from the token after its
 * last `<|vision_end|>` (after its `<|im_start|>` when it has no image) to its `<|im_end|>`.
 */
export function userTextSpan(promptIds: readonly number[], ids: { imStart: number; imEnd: number; visionEnd: number }): { questionStart: number; questionEnd: number } {
  const end = promptIds.lastIndexOf(ids.imEnd);
  if (end < 0) throw new Error(`userTextSpan: no <|im_end|> (id ${ids.imEnd}) in a ${promptIds.length}-token prompt`);
  const start = Math.max(promptIds.lastIndexOf(ids.imStart, end), promptIds.lastIndexOf(ids.visionEnd, end)) + 1;
  return { questionStart: start, questionEnd: end };
}
