import type { EvalPrompt } from '../prompt/eval-prompt';

/**
 * What the runner needs of a model: completions for a batch of prompts, in order. The policy
 * adapter (`createPolicyGenerator`) is one; tests use fakes; any engine can be wrapped.
 * A per-row failure (an image that cannot be read) is thrown as a RowImageError or the vision
 * package's ImageError: the runner then retries the batch row by row and records the failing rows.
 */
export interface AnswerGenerator {
  /** One line saying what generates (model folder, backend, settings), for results.json. */
  readonly description: string;
  generate(prompts: readonly EvalPrompt[]): Promise<string[]>;
  close?(): void | Promise<void>;
}
