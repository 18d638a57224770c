import { TASK_TYPES, type Box, type Size, type TaskType } from '@mixed-r1/records';
import type { BenchRow } from '../bench/bench-row';
import type { MetricName } from '../metrics/metric';
import { promptText } from '../prompt/prompt-text';
import type { ScoredRow } from '../scoring/scored-row';
import { seededUniform } from '../stats/seeded-random';

/** Completions longer than this are cut in examples (results.json and the HTML page stay small). */
export const EXAMPLE_TEXT_LIMIT = 1500;
export const DEFAULT_EXAMPLES_PER_TASK = 3;

/** One row shown as an example: the question, the completion, the ground truth and the scores. */
export interface Example {
  readonly benchmark: string;
  readonly index: string;
  readonly task: TaskType;
  readonly category: string;
  /** The question text as shown to the model (without the format instruction). */
  readonly question: string;
  readonly target: string;
  readonly completion: string;
  readonly answer: string;
  readonly correct: 0 | 1 | null;
  readonly metrics: Partial<Record<MetricName, number | null>>;
  /** Grounding: ground-truth and predicted boxes in original-image pixels. */
  readonly boxes?: { readonly truth: Box; readonly predicted: Box | null; readonly imageSize: Size };
  readonly reason: string | null;
}

const cut = (text: string) => (text.length > EXAMPLE_TEXT_LIMIT ? `${text.slice(0, EXAMPLE_TEXT_LIMIT)}… (${text.length - EXAMPLE_TEXT_LIMIT} more characters)` : text);

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** Right and wrong answers in turn (a wrong one first), so the examples show both where there are both. */
function mixed(rows: readonly ScoredRow[]): ScoredRow[] {
  const wrong = rows.filter((row) => row.correct !== 1);
  const right = rows.filter((row) => row.correct === 1);
  const order: ScoredRow[] = [];
  for (let i = 0; i < Math.max(wrong.length, right.length); i++) {
    if (i < wrong.length) order.push(wrong[i]);
    if (i < right.length) order.push(right[i]);
  }
  return order;
}

/** Up to `perTask` examples per task type, drawn with a seed from every benchmark's rows. */
export function chooseExamples(
  benches: readonly { readonly bench: { readonly rows: readonly BenchRow[] }; readonly scored: readonly ScoredRow[] }[],
  options: { readonly seed?: number; readonly perTask?: number } = {},
): Example[] {
  const perTask = options.perTask ?? DEFAULT_EXAMPLES_PER_TASK;
  const random = seededUniform(options.seed ?? 0);
  const rowsByKey = new Map<string, BenchRow>();
  for (const { bench } of benches) for (const row of bench.rows) rowsByKey.set(`${row.benchmark}\u0000${row.index}`, row);
  const scored = benches.flatMap((entry) => entry.scored);
  return TASK_TYPES.flatMap((task) =>
    mixed(shuffled(scored.filter((row) => row.task === task), random))
      .slice(0, perTask)
      .map((row) => {
        const source = rowsByKey.get(`${row.benchmark}\u0000${row.index}`);
        return {
          benchmark: row.benchmark,
          index: row.index,
          task: row.task,
          category: row.category,
          question: source ? promptText(source, { instruction: null }) : '',
          target: row.target,
          completion: cut(row.completion),
          answer: cut(row.answer),
          correct: row.correct,
          metrics: row.metrics,
          ...(row.boxes ? { boxes: row.boxes } : {}),
          reason: row.reason,
        };
      }),
  );
}
