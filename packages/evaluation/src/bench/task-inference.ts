import type { TaskType } from '@mixed-r1/records';

/** Benchmarks whose every question is read off a chart (VLMEvalKit's ChartQA_TEST, ...). */
export const CHART_BENCHMARK = /^chartqa/i;
/** Categories that mark chart questions (the project's benchmark writes the task type as the category). */
export const CHART_CATEGORY = /^chart/i;

/** "yes" or "no" (any case, a final "." or "!" allowed) as a whole answer. */
export function isYesNoAnswer(answer: string): boolean {
  return /^(?:yes|no)[.!]?$/i.test(answer.trim());
}

/** What task inference looks at in a row. */
export interface TaskEvidence {
  readonly benchmark: string;
  readonly category: string | null;
  readonly options: readonly string[] | null;
  readonly answer: string;
  readonly hasBox: boolean;
}

/**
 * The task type of a row with no explicit task (the rules are ours): options -> multiple_choice;
 * a box -> grounding; a chart benchmark (name ChartQA*) or a chart category -> chart; a yes/no
 * answer -> yes_no; anything else -> open_ended. Options and boxes come first because they are
 * unambiguous; a chart benchmark's yes/no questions stay chart questions, scored by relaxed
 * accuracy like the rest of the benchmark.
 */
export function inferTask(evidence: TaskEvidence): TaskType {
  if (evidence.options && evidence.options.length > 0) return 'multiple_choice';
  if (evidence.hasBox) return 'grounding';
  if (CHART_BENCHMARK.test(evidence.benchmark) || (evidence.category !== null && CHART_CATEGORY.test(evidence.category))) return 'chart';
  if (isYesNoAnswer(evidence.answer)) return 'yes_no';
  return 'open_ended';
}
