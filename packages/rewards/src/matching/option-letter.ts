// Reading an option letter out of a multiple-choice answer (SPEC.md section 2, matching).
// Every pattern is anchored and linear: no nested quantifiers, no backtracking blow-up.

/** Whole-answer forms: "B", "(B)", "B.", "B)", "B:", "Option B", "Answer: (B)", "The answer is B." */
const WHOLE_ANSWER_FORMS: readonly RegExp[] = [
  /^\(?([A-Z])\)?[.):]?$/i,
  /^(?:option|choice|answer)\s*:?\s*\(?([A-Z])\)?[.):]?$/i,
  /^(?:the\s+)?(?:correct\s+|best\s+|final\s+)?(?:answer|option|choice)\s+(?:is|would\s+be)\s*:?\s*(?:option\s+)?\(?([A-Z])\)?[.):!]?$/i,
];

/** "B. <option text>", "(B) <option text>", "B) <option text>", "B: <option text>". */
const LETTER_THEN_TEXT = /^(?:\(([A-Z])\)|([A-Z])[.):])\s+\S/;

/** A single capital letter standing alone as a word. */
const LONE_CAPITAL = /(?<![\p{L}\p{N}])[A-Z](?![\p{L}\p{N}])/gu;

/** Words that join letters ("A or B", "A is correct"), so "A" before them is still a letter. */
const MAX_WORD = 12;
const CONNECTING_WORDS = new Set(['or', 'and', 'nor', 'vs', 'versus', 'is', 'was', 'would', 'seems', 'looks', 'then', 'because']);

/**
 * "A" and "I" are also English words: read as the article or pronoun when followed by a
 * lower-case word that does not join letters ("A cat", "I think"; not "A or B").
 */
function isEnglishWord(text: string, at: number): boolean {
  const letter = text[at];
  if (letter !== 'A' && letter !== 'I') return false;
  let start = at + 1;
  while (start < text.length && (text[start] === ' ' || text[start] === '\t' || text[start] === '\n')) start++;
  if (start === at + 1) return false;
  let end = start;
  while (end < text.length && end - start < MAX_WORD && /\p{Ll}/u.test(text[end])) end++;
  return end > start && !CONNECTING_WORDS.has(text.slice(start, end));
}

/**
 * The letter an answer is written as: the whole answer is a letter form ("B", "(B)", "Option B",
 * "The answer is B") or starts with one before the option text ("B. a blue sphere"); else null.
 */
export function declaredLetter(answer: string): string | null {
  for (const form of WHOLE_ANSWER_FORMS) {
    const match = form.exec(answer);
    if (match) return match[1].toUpperCase();
  }
  const lead = LETTER_THEN_TEXT.exec(answer);
  return lead ? (lead[1] ?? lead[2]) : null;
}

/** Every distinct capital letter standing alone in the answer, in order ("A or B" -> A, B). */
export function loneLetters(answer: string): string[] {
  const letters = new Set<string>();
  LONE_CAPITAL.lastIndex = 0;
  for (let match = LONE_CAPITAL.exec(answer); match !== null; match = LONE_CAPITAL.exec(answer)) {
    if (!isEnglishWord(answer, match.index)) letters.add(match[0]);
  }
  return [...letters];
}

/** Letter of option i: 0 -> "A". */
export function letterOf(index: number): string {
  return String.fromCharCode(65 + index);
}

/** Index of a letter: "A" -> 0. */
export function indexOfLetter(letter: string): number {
  return letter.charCodeAt(0) - 65;
}
