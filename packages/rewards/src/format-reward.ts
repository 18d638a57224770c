import { countIgnoringCase, indexOfIgnoringCase } from './case-insensitive-search';
import { ANSWER_CLOSE, ANSWER_OPEN, THINK_CLOSE, THINK_OPEN } from './tags';

const TAGS = [THINK_OPEN, THINK_CLOSE, ANSWER_OPEN, ANSWER_CLOSE];

function isBlank(text: string): boolean {
  return text.trim().length === 0;
}

/**
 * 1 when the whole completion is exactly one <think>...</think> followed by one
 * <answer>...</answer>, with only whitespace around and between them; else 0.
 * Same shape as R1-V / VLM-R1's `^<think>.*?</think>\s*<answer>.*?</answer>$` (DOTALL), but each
 * tag must occur exactly once and tags match in any case, as answer extraction does.
 */
export function formatReward(completion: string): 0 | 1 {
  const text = completion.trim();
  if (TAGS.some((tag) => countIgnoringCase(text, tag) !== 1)) return 0;
  const thinkOpen = indexOfIgnoringCase(text, THINK_OPEN);
  const thinkClose = indexOfIgnoringCase(text, THINK_CLOSE);
  const answerOpen = indexOfIgnoringCase(text, ANSWER_OPEN);
  const answerClose = indexOfIgnoringCase(text, ANSWER_CLOSE);
  const inOrder = thinkOpen === 0 && thinkClose > thinkOpen && answerOpen > thinkClose && answerClose > answerOpen;
  if (!inOrder) return 0;
  const between = text.slice(thinkClose + THINK_CLOSE.length, answerOpen);
  const endsWithAnswer = answerClose + ANSWER_CLOSE.length === text.length;
  return isBlank(between) && endsWithAnswer ? 1 : 0;
}
