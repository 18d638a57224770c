import type { SampleRow, Size } from '@mixed-r1/records';
import { chosenOption, extractAnswer, NO_CHOICE } from '@mixed-r1/rewards';
import { originalBoxToInput, roundBoxInside } from '@mixed-r1/vision';

export interface TargetOptions {
  /** Sentences of the solution's <think> kept (0: all); -1: an empty <think>. */
  readonly thinkSentences: number;
  /** Sentences of an open-ended reference kept (0: all). */
  readonly answerSentences: number;
  /** Task types whose target keeps the whole <think> whatever `thinkSentences` says. */
  readonly fullThinkTasks?: readonly string[];
  /** Task types whose target has an empty <think> whatever `thinkSentences` says (the answer alone). */
  readonly emptyThinkTasks?: readonly string[];
  /**
   * How a multiple-choice target answers: with the option's letter (the default), or with the
   * option's text after a space, which the matching reward reads as that option (SPEC.md section
   * 2); the reasoning's sentence naming the letter ("That is option D, ...") is then left out.
   */
  readonly optionAnswers?: OptionAnswers;
}

export const OPTION_ANSWERS = ['letter', 'text'] as const;
export type OptionAnswers = (typeof OPTION_ANSWERS)[number];

/** A sentence that names an option by its letter ("That is option D, "purple"."). */
const NAMES_A_LETTER = /\boption [A-Z]\b/;

const SENTENCE_END = /(?<=[.!?])\s+/;

function firstSentences(text: string, count: number): string {
  if (count < 0) return '';
  if (count === 0) return text.trim();
  return text.trim().split(SENTENCE_END).slice(0, count).join(' ');
}

function thinkOf(solution: string): string {
  const open = solution.indexOf('<think>');
  const close = solution.indexOf('</think>');
  return open >= 0 && close > open ? solution.slice(open + '<think>'.length, close) : '';
}

/**
 * The answer as the model must write it: a grounding box in the MODEL-INPUT frame (Qwen2.5-VL
 * reads and writes absolute coordinates of the resized image; the IoU reward maps it back).
 */
function answerOf(sample: SampleRow, inputSize: Size, options: TargetOptions): string {
  if (sample.task === 'grounding' && sample.answerBox) {
    const box = roundBoxInside(originalBoxToInput(sample.answerBox, [sample.imageWidth, sample.imageHeight], inputSize), inputSize);
    return `[${box.join(', ')}]`;
  }
  if (sample.task === 'open_ended') return firstSentences(sample.answer, options.answerSentences);
  if (answersByText(sample, options)) {
    const chosen = chosenOption(sample.answer, sample.options ?? []);
    if (chosen === NO_CHOICE) throw new Error(`sample "${sample.id}": its answer "${sample.answer}" names none of its options`);
    // After a space, as the prompt shows the option ("B. red") and the reasoning names it ("it is
    // red"): byte-level BPE gives " red" and "red" different ids, and a copy of the same id is
    // what a small model learns first (the rewards trim the answer).
    return ` ${(sample.options ?? [])[chosen]}`;
  }
  return sample.answer;
}

function answersByText(sample: SampleRow, options: TargetOptions): boolean {
  return options.optionAnswers === 'text' && sample.task === 'multiple_choice' && (sample.options?.length ?? 0) > 0;
}

/** Sentences of a task's <think> kept (0: all; -1: none); a task in both lists is a wrong config. */
function keptSentences(task: string, options: TargetOptions): number {
  const empty = options.emptyThinkTasks?.includes(task) ?? false;
  const full = options.fullThinkTasks?.includes(task) ?? false;
  if (empty && full) throw new Error(`task type "${task}" is in both fullThinkTasks and emptyThinkTasks`);
  if (empty) return -1;
  return full ? 0 : options.thinkSentences;
}

/**
 * The supervised target of a sample: its worked solution in the R1 layout
 * `<think>...</think><answer>...</answer>`, shortened to the kept sentences (a budget for small
 * models), with the answer in the model-input frame and, with `optionAnswers` 'text', a
 * multiple-choice answer as its option's text. Without a solution, the answer alone is
 * wrapped (an empty <think>).
 */
export function sftTarget(sample: SampleRow, inputSize: Size, options: TargetOptions): string {
  const kept = keptSentences(sample.task, options);
  const sentences = sample.solution ? firstSentences(thinkOf(sample.solution), kept) : '';
  const think = answersByText(sample, options)
    ? sentences
        .split(SENTENCE_END)
        .filter((sentence) => !NAMES_A_LETTER.test(sentence))
        .join(' ')
    : sentences;
  const answer = answerOf(sample, inputSize, options);
  if (sample.solution && sample.task !== 'grounding' && sample.task !== 'open_ended' && extractAnswer(sample.solution) !== sample.answer) {
    throw new Error(`sample "${sample.id}": its solution answers "${extractAnswer(sample.solution)}", its ground truth is "${sample.answer}"`);
  }
  return `<think>${think}</think><answer>${answer}</answer>`;
}
