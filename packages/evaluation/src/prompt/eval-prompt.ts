import type { BenchRow, ImageRef } from '../bench/bench-row';
import { DEFAULT_PROMPT_TEMPLATE, promptText, type PromptTemplate } from './prompt-text';

/** One question for a generator: its id, the user text, and its image (the image goes before the text). */
export interface EvalPrompt {
  /** "benchmark/index": names the row in messages. */
  readonly id: string;
  readonly text: string;
  /** The system message (see PromptTemplate.system). */
  readonly system?: string | null;
  readonly image: ImageRef;
}

/** A row's id in messages: "MMStar/17". */
export const rowId = (row: Pick<BenchRow, 'benchmark' | 'index'>): string => `${row.benchmark}/${row.index}`;

/** The prompt of a benchmark row under a template. */
export function evalPromptOf(row: BenchRow, template: PromptTemplate = DEFAULT_PROMPT_TEMPLATE): EvalPrompt {
  const prompt: EvalPrompt = { id: rowId(row), text: promptText(row, template), image: row.image };
  return template.system === undefined ? prompt : { ...prompt, system: template.system };
}
