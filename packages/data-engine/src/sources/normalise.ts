import type { Box, TaskType } from '@mixed-r1/records';

/** The most options a question can have: one per letter A..Z. */
export const MAX_OPTIONS = 26;

/** The letter of option `index` (0 -> "A"). */
export const optionLetter = (index: number): string => String.fromCharCode(65 + index);

/** "A-D" for four options. */
export const letterRange = (count: number): string => (count > 0 ? `A-${optionLetter(count - 1)}` : 'none');

/** "yes" or "no" when the answer is exactly that word (any case, an end mark allowed), else null. */
export function yesNoAnswer(answer: string): 'yes' | 'no' | null {
  const match = /^(yes|no)[.!]?$/i.exec(answer.trim());
  return match ? (match[1].toLowerCase() as 'yes' | 'no') : null;
}

/** Removes LLaVA's `<image>` placeholder tokens (and the line break that follows one) from a prompt. */
export function removeImageTokens(text: string): string {
  return text.replace(/<image>\r?\n?/g, '').trim();
}

/** A question whose option lines were parsed out: the rest of its text, and the option texts in letter order. */
export interface LetteredOptions {
  readonly stem: string;
  readonly options: readonly string[];
}

// "A. text", "A) text", "(A) text" on a line of its own.
const OPTION_LINE = /^\s*(?:\(([A-Z])\)|([A-Z])[.)])(?:\s+(.*?))?\s*$/;
// "Options: (A) text (B) text" on one line, as LLaVA's ScienceQA prompts write them.
const INLINE_OPTIONS = /^\s*(?:options|choices)\s*:\s*(\(A\).*)$/i;
const OPTIONS_HEADER = /^\s*(?:options|choices)\s*:?\s*$/i;

function consecutiveFromA(letters: readonly string[]): boolean {
  return letters.every((letter, k) => letter === optionLetter(k));
}

function inlineOptions(line: string): string[] | null {
  const match = INLINE_OPTIONS.exec(line);
  if (!match) return null;
  const parts = match[1].split(/\(([A-Z])\)/);
  // parts: ['', 'A', ' text ', 'B', ' text ', ...]
  const letters: string[] = [];
  const texts: string[] = [];
  for (let k = 1; k < parts.length; k += 2) {
    letters.push(parts[k]);
    texts.push(parts[k + 1].trim());
  }
  return consecutiveFromA(letters) ? texts : null;
}

/**
 * The lettered options written in a question's text: a run of lines "A. ...", "B. ..." (or "(A) ...",
 * "A) ..."), starting at A with consecutive letters, or one "Options: (A) ... (B) ..." line. An
 * "Options:" header line before the run is dropped with it. Null when there are fewer than two
 * options, an empty option, or more than 26.
 */
export function parseLetteredOptions(question: string): LetteredOptions | null {
  const lines = question.split(/\r?\n/);
  for (let start = 0; start < lines.length; start++) {
    const inline = inlineOptions(lines[start]);
    if (inline) return checked(lines, start, start + 1, inline);
    const first = OPTION_LINE.exec(lines[start]);
    if (!first || (first[1] ?? first[2]) !== 'A') continue;
    const texts: string[] = [];
    let end = start;
    for (; end < lines.length; end++) {
      const match = OPTION_LINE.exec(lines[end]);
      if (!match || (match[1] ?? match[2]) !== optionLetter(texts.length)) break;
      texts.push((match[3] ?? '').trim());
    }
    const headerStart = start > 0 && OPTIONS_HEADER.test(lines[start - 1]) ? start - 1 : start;
    return checked(lines, headerStart, end, texts);
  }
  return null;
}

function checked(lines: readonly string[], from: number, to: number, options: readonly string[]): LetteredOptions | null {
  if (options.length < 2 || options.length > MAX_OPTIONS || options.some((option) => option === '')) return null;
  const stem = [...lines.slice(0, from), ...lines.slice(to)].join('\n').trim();
  return { stem, options };
}

const normalised = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.!?]+$/, '');

/**
 * The option letter an answer gives: a letter alone or wrapped ("B", "(B)", "B.", "B)"), a letter
 * with its option text ("B. cat"), or the text of exactly one option. Null otherwise. The letter is
 * not checked against the options here: see `letterWithin`.
 */
export function answerLetter(answer: string, options: readonly string[]): string | null {
  const trimmed = answer.trim();
  const alone = /^\(?([A-Z])\)?[.):]?$/.exec(trimmed);
  if (alone) return alone[1];
  const withText = /^\(?([A-Z])[.):]\s+(.+)$/.exec(trimmed) ?? /^\(([A-Z])\)\s+(.+)$/.exec(trimmed);
  if (withText) {
    const index = withText[1].charCodeAt(0) - 65;
    if (index < options.length && normalised(options[index]) === normalised(withText[2])) return withText[1];
  }
  const matching = options.flatMap((option, k) => (normalised(option) === normalised(trimmed) ? [optionLetter(k)] : []));
  return matching.length === 1 ? matching[0] : null;
}

/** True when `letter` names one of `count` options. */
export const letterWithin = (letter: string, count: number): boolean =>
  letter.length === 1 && letter >= 'A' && letter.charCodeAt(0) - 65 < count;

const NUMBER = String.raw`[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?`;
const BOX_TEXT = new RegExp(String.raw`^\[\s*(${NUMBER})\s*,\s*(${NUMBER})\s*,\s*(${NUMBER})\s*,\s*(${NUMBER})\s*\]$`);

/** A box written as `[x1, y1, x2, y2]`, or null. */
export function parseBoxText(text: string): Box | null {
  const match = BOX_TEXT.exec(text.trim());
  if (!match) return null;
  const box = [Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4])] as const;
  return box.every(Number.isFinite) ? box : null;
}

/** The answer text of a box: `[x1, y1, x2, y2]`. */
export const formatBox = (box: Box): string => `[${box.join(', ')}]`;

/** The question with its options written under it, one "A. text" line each. */
export function questionWithOptions(stem: string, options: readonly string[]): string {
  return [stem, ...options.map((option, k) => `${optionLetter(k)}. ${option}`)].join('\n');
}

/** The task fields of a candidate sample. */
export interface TaskFields {
  readonly task: TaskType;
  readonly question: string;
  readonly options: string[] | null;
  readonly answer: string;
  readonly answerBox: Box | null;
}

/** A question as a source gives it: the whole text, and its options when it has any. */
export interface AskedQuestion {
  /** The question as the model would see it without an options column (options written in). */
  readonly text: string;
  /** The question without its options, and the options; null when it has none. */
  readonly lettered: LetteredOptions | null;
}

/**
 * The fields of a sample of task `task` from a question and its answer, or why the answer does not
 * fit that task: yes_no needs "yes" or "no"; multiple_choice needs options and a letter among them;
 * grounding needs a box `[x1, y1, x2, y2]` with x2 > x1 and y2 > y1; chart and open_ended take any
 * non-empty answer.
 */
export function fieldsForTask(task: TaskType, asked: AskedQuestion, answer: string): TaskFields | { reason: string } {
  const plain = { task, question: asked.text, options: null, answer, answerBox: null };
  switch (task) {
    case 'yes_no': {
      const yesNo = yesNoAnswer(answer);
      return yesNo ? { ...plain, answer: yesNo } : { reason: `answer ${JSON.stringify(answer)} is not yes or no` };
    }
    case 'multiple_choice': {
      const lettered = asked.lettered;
      if (!lettered) return { reason: 'multiple_choice needs lettered options (A, B, ...); the question has none' };
      const letter = answerLetter(answer, lettered.options);
      if (!letter || !letterWithin(letter, lettered.options.length)) {
        return {
          reason: `answer ${JSON.stringify(answer)} is not one of the option letters ${letterRange(lettered.options.length)}`,
        };
      }
      return { ...plain, question: lettered.stem, options: [...lettered.options], answer: letter };
    }
    case 'grounding': {
      const box = parseBoxText(answer);
      if (!box) return { reason: `answer ${JSON.stringify(answer)} is not a box [x1, y1, x2, y2]` };
      if (!(box[2] > box[0] && box[3] > box[1])) return { reason: `box ${formatBox(box)} is empty (x2 <= x1 or y2 <= y1)` };
      return { ...plain, answer: formatBox(box), answerBox: box };
    }
    case 'chart':
    case 'open_ended':
      return plain;
  }
}
