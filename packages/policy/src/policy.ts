import type { Qwen25VLConfig } from './config/qwen2-5-vl-config';
import { generate, type GeneratedSequence, type GenerationOptions } from './generate/generate';
import { imageTokenCount, type ImageInput } from './model/image-input';
import type { PolicyParameters } from './model/parameters';
import type { PromptInput } from './model/qwen2-5-vl';
import { Weights } from './model/weights';
import type { Rng } from './random/rng';
import { scoreCompletions, type CompletionScores, type ScoreOptions } from './score/score-completions';
import { encodeQuestionPrompt } from './tokenizer/chat-template';
import { PolicyTokenizer } from './tokenizer/policy-tokenizer';
import { loadCheckpoint, saveCheckpoint, type GenerationConfigJson } from './weights/checkpoint';

/** A generated completion with its text (decoded without special tokens). */
export interface Completion extends GeneratedSequence {
  readonly text: string;
}

/**
 * The policy as the trainer and the evaluation use it: config, parameters and tokenizer together,
 * with the chat-template prompt, generation, scoring and checkpoints. A thin layer over the
 * functions of this package (generate, scoreCompletions, encodeQuestionPrompt, saveCheckpoint).
 */
export class Policy {
  constructor(
    readonly params: PolicyParameters,
    readonly tokenizer: PolicyTokenizer,
    readonly generationConfig: GenerationConfigJson | null = null,
  ) {
    const pad = tokenizer.tokenId('<|image_pad|>');
    if (pad !== params.config.tokens.imageTokenId) {
      throw new Error(`${tokenizer.source}: <|image_pad|> is id ${pad}, the model config says image_token_id ${params.config.tokens.imageTokenId}`);
    }
  }

  /** Loads a checkpoint folder that holds a tokenizer.json. */
  static load(dir: string, options: { trainable?: boolean } = {}): Policy {
    const loaded = loadCheckpoint(dir, options);
    if (!loaded.tokenizerFile) {
      loaded.params.dispose();
      throw new Error(`${dir}: no tokenizer.json in the checkpoint folder`);
    }
    return new Policy(loaded.params, PolicyTokenizer.fromFile(loaded.tokenizerFile), loaded.generationConfig);
  }

  get config(): Qwen25VLConfig {
    return this.params.config;
  }

  /** A single-turn question with images (shown before it) as a prompt ending in `<|im_start|>assistant\n`. */
  prompt(question: string, images: readonly ImageInput[] = [], system?: string | null): PromptInput {
    const merge = this.config.vision.spatialMergeSize;
    const tokenIds = encodeQuestionPrompt(this.tokenizer, { question, system, imageTokens: images.map((im) => imageTokenCount(im.grid, merge)) }, this.config.tokens);
    return { tokenIds, images };
  }

  /** Completions of one prompt (see generate), with their text. */
  generate(prompt: PromptInput, options: GenerationOptions, rng: Rng): Completion[] {
    const weights = Weights.frozen(this.params);
    try {
      return generate(weights, prompt, options, rng).map((s) => ({ ...s, text: this.tokenizer.decode(s.tokenIds, { skipSpecialTokens: true }) }));
    } finally {
      weights.dispose();
    }
  }

  /** Per-token log-probs of completions of one prompt (differentiable; see scoreCompletions). */
  score(prompt: PromptInput, completions: readonly (readonly number[])[], options?: ScoreOptions): CompletionScores {
    return scoreCompletions(Weights.live(this.params), prompt, completions, options);
  }

  /** Saves the checkpoint folder (config, weights, this tokenizer, generation config). */
  save(dir: string): Promise<void> {
    return saveCheckpoint(dir, this.params, { tokenizerFile: this.tokenizer.source, generationConfig: this.generationConfig ?? undefined });
  }

  dispose(): void {
    this.params.dispose();
  }
}
