import type * as Policy from '@mixed-r1/policy';
import { createQwenProcessor, decodeImage, type ImageProcessor } from '@mixed-r1/vision';
import { imageBytesOf } from '../bench/image-ref';
import type { EvalPrompt } from '../prompt/eval-prompt';
import type { AnswerGenerator } from '../runner/answer-generator';
import { checkModelFolder } from './model-folder';

/** Decoding settings of evaluation: greedy by default (temperature 0). */
export interface GenerationSettings {
  readonly maxNewTokens: number;
  /** 0: greedy (the default). */
  readonly temperature: number;
  readonly topP: number;
  readonly topK: number;
  /** Seed of the sampling RNG (used only when temperature > 0). */
  readonly seed: number;
}

export const DEFAULT_GENERATION: GenerationSettings = Object.freeze({ maxNewTokens: 512, temperature: 0, topP: 1, topK: 0, seed: 0 });

export interface PolicyGeneratorOptions {
  /** A Hugging Face checkpoint folder (config.json, model.safetensors or index, tokenizer.json). */
  readonly modelDir: string;
  readonly generation?: Partial<GenerationSettings>;
  /** Image-size bounds of the Qwen2.5-VL preprocessing (the same as training's). */
  readonly minPixels?: number;
  readonly maxPixels?: number;
  /** Tensor backend request (`auto`, `wasm`, ...); default: MIXED_R1_BACKEND or auto. */
  readonly backend?: string;
  /** Where the backend choice is printed (default stderr). */
  readonly log?: (line: string) => void;
}

/** The policy package cannot be loaded or cannot generate: evaluation can still score predictions files. */
export class GenerationUnavailableError extends Error {
  constructor(reason: string) {
    super(`generation is not available: ${reason}. Score an existing predictions file instead with --predictions=FILE.`);
    this.name = 'GenerationUnavailableError';
  }
}

async function loadPolicyPackage(): Promise<typeof Policy> {
  let policy: typeof Policy;
  try {
    policy = await import('@mixed-r1/policy');
  } catch (error) {
    throw new GenerationUnavailableError(`@mixed-r1/policy could not be loaded (${(error as Error).message})`);
  }
  const needed = ['selectBackend', 'loadCheckpoint', 'PolicyTokenizer', 'Weights', 'generate', 'encodeQuestionPrompt', 'Rng'] as const;
  const absent = needed.filter((name) => typeof (policy as Record<string, unknown>)[name] !== 'function');
  if (absent.length > 0) throw new GenerationUnavailableError(`@mixed-r1/policy does not export ${absent.join(', ')}`);
  return policy;
}

/** The prompt's token ids and image input, preprocessed as training does (decode, Qwen2.5-VL resize and patches). */
async function encode(policy: typeof Policy, prompt: EvalPrompt, tokenizer: Policy.PolicyTokenizer, config: Policy.Qwen25VLConfig, processor: ImageProcessor): Promise<Policy.PromptInput> {
  const image = await decodeImage(await imageBytesOf(prompt.image, prompt.id), { sampleId: prompt.id });
  const processed = await processor.process(image, prompt.id);
  const tokenIds = policy.encodeQuestionPrompt(
    tokenizer,
    { question: prompt.text, imageTokens: [processed.tokenCount], ...(prompt.system === undefined ? {} : { system: prompt.system }) },
    config.tokens,
  );
  return { tokenIds, images: [{ rows: processed.rows, grid: processed.grid }] };
}

/**
 * An AnswerGenerator over this project's policy (`@mixed-r1/policy`): the checkpoint is loaded once,
 * each prompt is preprocessed as in training (the image decoded and resized by the vision package's
 * Qwen2.5-VL processor, the question in the chat template with the image before it), then decoded
 * with the KV cache, greedily by default. The policy package is imported only here, lazily, so
 * scoring predictions files never loads a tensor library.
 */
export async function createPolicyGenerator(options: PolicyGeneratorOptions): Promise<AnswerGenerator> {
  checkModelFolder(options.modelDir);
  const settings = { ...DEFAULT_GENERATION, ...options.generation };
  const policy = await loadPolicyPackage();
  const backend = await policy.selectBackend(options.backend, options.log ? { log: options.log } : {});
  const checkpoint = policy.loadCheckpoint(options.modelDir);
  const tokenizer = policy.PolicyTokenizer.fromFile(checkpoint.tokenizerFile ?? options.modelDir);
  const weights = policy.Weights.frozen(checkpoint.params);
  const processor = createQwenProcessor({ ...(options.minPixels ? { minPixels: options.minPixels } : {}), ...(options.maxPixels ? { maxPixels: options.maxPixels } : {}) });
  const rng = policy.Rng.fromSeed(settings.seed);
  const mode = settings.temperature === 0 ? 'greedy' : `temperature ${settings.temperature}, top-p ${settings.topP}, top-k ${settings.topK}, seed ${settings.seed}`;
  return {
    description: `@mixed-r1/policy on ${options.modelDir} (${backend.name} backend; ${mode}; at most ${settings.maxNewTokens} new tokens)`,
    async generate(prompts) {
      const completions: string[] = [];
      for (const prompt of prompts) {
        const input = await encode(policy, prompt, tokenizer, checkpoint.config, processor);
        const [sequence] = policy.generate(
          weights,
          input,
          { maxNewTokens: settings.maxNewTokens, temperature: settings.temperature, topP: settings.topP, topK: settings.topK },
          rng,
        );
        completions.push(tokenizer.decode(sequence.tokenIds, { skipSpecialTokens: true }));
      }
      return completions;
    },
    close() {
      weights.dispose();
      checkpoint.params.dispose();
    },
  };
}
