import type { EvalPrompt } from '../prompt/eval-prompt';
import type { AnswerGenerator } from '../runner/answer-generator';

/**
 * A generator for tests: answers each prompt with `answer(prompt)`, counts its calls and the prompts
 * it saw, and can fail once a number of prompts has been answered (a run killed midway).
 */
export class FakeGenerator implements AnswerGenerator {
  readonly description = 'fake generator (tests)';
  calls = 0;
  readonly prompts: EvalPrompt[] = [];

  constructor(
    private readonly answer: (prompt: EvalPrompt) => string,
    private readonly failAfterPrompts = Infinity,
  ) {}

  async generate(prompts: readonly EvalPrompt[]): Promise<string[]> {
    this.calls++;
    if (this.prompts.length + prompts.length > this.failAfterPrompts) throw new Error(`fake generator: killed after ${this.prompts.length} prompts`);
    this.prompts.push(...prompts);
    return prompts.map((prompt) => this.answer(prompt));
  }
}

/** A completion in the trained format: reasoning in <think>, the answer in <answer>. */
export const formatted = (answer: string, thought = 'Looking at the image.'): string => `<think>${thought}</think><answer>${answer}</answer>`;
