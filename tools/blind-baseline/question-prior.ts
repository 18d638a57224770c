/**
 * The question-only ("blind") baseline of a benchmark: each question answered with the answer
 * most often given to the same question text in the training data, without the image. Procedural
 * questions are templates, so the same text recurs thousands of times, and any skew of their
 * answers (a count that is nearly always 1, a "yes" that follows a number) shows up as accuracy
 * above chance. This is the language-prior baseline VQA v2 was balanced against (Goyal et al.
 * 2017, arXiv 1612.00837); a model is above chance only where it beats it.
 */

import { optionLetter } from '@mixed-r1/evaluation';

/** A question with its answer as text: a multiple-choice answer is the chosen option's text. */
export interface AnsweredQuestion {
  readonly task: string;
  readonly question: string;
  readonly answer: string;
}

/** A benchmark question to answer blind: multiple choice with its options in letter order. */
export interface BlindQuestion {
  readonly index: string;
  readonly task: string;
  readonly question: string;
  readonly options: readonly string[] | null;
}

export interface BlindPrediction {
  readonly index: string;
  readonly prediction: string;
  /** Whether the answer came from training questions with the same text, or from the task's most common answer. */
  readonly source: 'same question' | 'task';
}

/** Questions are compared without case and with runs of white space as one space. */
export function questionKey(task: string, question: string): string {
  return `${task}\u0000${question.trim().replace(/\s+/g, ' ').toLowerCase()}`;
}

function countInto(table: Map<string, Map<string, number>>, key: string, answer: string): void {
  const counts = table.get(key) ?? new Map<string, number>();
  counts.set(answer, (counts.get(answer) ?? 0) + 1);
  table.set(key, counts);
}

/**
 * The multiple-choice answer for a prior answer text: the letter of the option with that text,
 * or, when no option has it, of the option the prior ranks highest among the row's options, or A.
 */
function priorOptionLetter(options: readonly string[], ranked: readonly string[]): string {
  for (const text of ranked) {
    const at = options.indexOf(text);
    if (at >= 0) return optionLetter(at);
  }
  return optionLetter(0);
}

/** Answers from the most to the least frequent; ties in code-point order, so the result is deterministic. */
function rankedAnswers(counts: ReadonlyMap<string, number> | undefined): string[] {
  if (!counts) return [];
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([answer]) => answer);
}

/** Answers every benchmark question with the training data's most common answer to its text (or to its task). */
export function questionPriorPredictions(training: readonly AnsweredQuestion[], bench: readonly BlindQuestion[]): BlindPrediction[] {
  const byQuestion = new Map<string, Map<string, number>>();
  const byTask = new Map<string, Map<string, number>>();
  for (const sample of training) {
    countInto(byQuestion, questionKey(sample.task, sample.question), sample.answer);
    countInto(byTask, sample.task, sample.answer);
  }
  const taskRanked = new Map([...byTask].map(([task, counts]) => [task, rankedAnswers(counts)]));
  return bench.map((row) => {
    const sameQuestion = byQuestion.get(questionKey(row.task, row.question));
    const ranked = [...rankedAnswers(sameQuestion), ...(taskRanked.get(row.task) ?? [])];
    const answer = row.options ? priorOptionLetter(row.options, ranked) : (ranked[0] ?? '');
    return { index: row.index, prediction: `<think></think><answer>${answer}</answer>`, source: sameQuestion ? 'same question' : 'task' };
  });
}
