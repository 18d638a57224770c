import { indexOfIgnoringCase, lastIndexOfIgnoringCase } from './case-insensitive-search';
import { ANSWER_CLOSE, ANSWER_OPEN, THINK_CLOSE, THINK_OPEN } from './tags';

/**
 * The answer of a completion (SPEC.md section 2): the content of the LAST <answer>...</answer>
 * pair (tags in any case, spanning lines); without a pair, the completion with every complete
 * <think>...</think> block removed. Trimmed either way.
 */
export function extractAnswer(completion: string): string {
  const close = lastIndexOfIgnoringCase(completion, ANSWER_CLOSE);
  if (close >= 0) {
    const open = lastIndexOfIgnoringCase(completion, ANSWER_OPEN, close - ANSWER_OPEN.length);
    if (open >= 0) return completion.slice(open + ANSWER_OPEN.length, close).trim();
  }
  return removeThinkBlocks(completion).trim();
}

function removeThinkBlocks(text: string): string {
  let kept = '';
  let from = 0;
  for (;;) {
    const open = indexOfIgnoringCase(text, THINK_OPEN, from);
    const close = open < 0 ? -1 : indexOfIgnoringCase(text, THINK_CLOSE, open + THINK_OPEN.length);
    if (close < 0) return kept + text.slice(from);
    kept += text.slice(from, open);
    from = close + THINK_CLOSE.length;
  }
}
