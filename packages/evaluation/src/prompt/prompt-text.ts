// The question text a policy is shown, in training and in evaluation alike: one function, so the two
// cannot drift apart.

/** What a question is made of (a benchmark row, or a training sample with its options). */
export interface QuestionFields {
  readonly question: string;
  /** Option texts in letter order (multiple choice), or null. */
  readonly options?: readonly string[] | null;
  /** Context shown before the question (VLMEvalKit's `hint`), or null. */
  readonly hint?: string | null;
}

/**
 * The answer-format instruction after every question: the `<think>` / `<answer>` layout the format
 * reward checks, in VLM-R1's wording (its `QUESTION_TEMPLATE`, which R1-V words the same way).
 */
export const FORMAT_INSTRUCTION = 'First output the thinking process in <think> </think> tags and then output the final answer in <answer> </answer> tags.';

export interface PromptTemplate {
  /** Text on its own line after the question; null: none. */
  readonly instruction: string | null;
  /** The system message; undefined: the chat template's default; null: no system turn. */
  readonly system?: string | null;
}

export const DEFAULT_PROMPT_TEMPLATE: PromptTemplate = Object.freeze({ instruction: FORMAT_INSTRUCTION });

/** The letter of option `index` (0 -> "A"). */
export const optionLetter = (index: number): string => String.fromCharCode(65 + index);

/**
 * The question as the model reads it: "Hint: <hint>" on its own line when there is a hint (as
 * VLMEvalKit's `ImageMCQDataset.build_prompt` puts it first), the question, then one "A. text"
 * line per option (the data engine's `questionWithOptions` layout).
 */
export function questionText(fields: QuestionFields): string {
  const lines = [];
  if (fields.hint) lines.push(`Hint: ${fields.hint}`);
  lines.push(fields.question);
  (fields.options ?? []).forEach((option, index) => lines.push(`${optionLetter(index)}. ${option}`));
  return lines.join('\n');
}

/** The whole user text of a prompt: the question text, then the template's instruction on a new line. */
export function promptText(fields: QuestionFields, template: PromptTemplate = DEFAULT_PROMPT_TEMPLATE): string {
  const question = questionText(fields);
  return template.instruction ? `${question}\n${template.instruction}` : question;
}
