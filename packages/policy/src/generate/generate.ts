import * as tf from '@tensorflow/tfjs-core';
import { lmHead } from '../model/decoder';
import { disposeCache, keepCache, repeatCache, selectCacheRows, tidyCache, type KVCache } from '../model/kv-cache';
import { encodePrompt, encodeSequences, extend, type PromptInput } from '../model/qwen2-5-vl';
import type { Weights } from '../model/weights';
import type { Rng } from '../random/rng';
import { checkSamplingSettings, logProbOf, sampleToken, type LogProbMode } from './sampler';

export interface GenerationOptions {
  /** Completions per prompt (GRPO's G); the prompt is encoded once for all of them. Default 1. */
  readonly groupSize?: number;
  readonly maxNewTokens: number;
  /** Default 1; 0 decodes greedily. */
  readonly temperature?: number;
  /** Default 0 (off). */
  readonly topK?: number;
  /** Default 1 (off). */
  readonly topP?: number;
  /** Tokens that end a completion (kept as its last token). Default: the config's eos_token_id. */
  readonly stopTokenIds?: readonly number[];
  /** Default `sampling` (TRL's): see LogProbMode. */
  readonly logProbs?: LogProbMode;
  /** Default true. False recomputes the whole sequence for every new token (a reference and a benchmark). */
  readonly useCache?: boolean;
}

export interface GeneratedSequence {
  readonly tokenIds: number[];
  /** Log-probability of each token of tokenIds (see GenerationOptions.logProbs). */
  readonly logProbs: number[];
  /** `stop`: ended with a stop token (included in tokenIds); `length`: reached maxNewTokens. */
  readonly finishReason: 'stop' | 'length';
}

interface Row {
  readonly tokenIds: number[];
  readonly logProbs: number[];
  finishReason: 'stop' | 'length' | null;
}

/** Logits of the last position of each row of hidden states [B, T, H], as B float32 rows. */
function lastLogits(w: Weights, hidden: tf.Tensor3D): Float32Array[] {
  const [batch, length, width] = hidden.shape;
  const logits = tf.tidy(() => lmHead(w, tf.reshape(tf.slice(hidden, [0, length - 1, 0], [batch, 1, width]), [batch, width]) as tf.Tensor2D));
  const values = logits.dataSync() as Float32Array;
  logits.dispose();
  const vocab = values.length / batch;
  return Array.from({ length: batch }, (_, b) => values.subarray(b * vocab, (b + 1) * vocab));
}

/**
 * Steps of generation over the rows still running, by the KV cache (the prompt encoded once, its
 * cache repeated for the group, rows that finish dropped from it) or by recomputation.
 */
interface Stepper {
  /** Logits of the next token of each running row, given the tokens each appended last. */
  next(running: readonly number[], lastTokens: readonly number[]): Float32Array[];
  dispose(): void;
}

function cachedStepper(w: Weights, prompt: PromptInput, groupSize: number): { first: Float32Array; stepper: Stepper } {
  let cache: KVCache | null = null;
  let rows: number[] = Array.from({ length: groupSize }, (_, g) => g);
  const first = tf.tidy(() => {
    const encoded = encodePrompt(w, prompt);
    cache = keepCache(repeatCache(encoded.cache, groupSize));
    return lastLogits(w, encoded.hidden)[0].slice();
  });
  const stepper: Stepper = {
    next(running, lastTokens) {
      let current = cache as KVCache;
      if (running.length !== rows.length) {
        const keep = running.map((g) => rows.indexOf(g));
        const selected = tidyCache(() => selectCacheRows(current, keep));
        disposeCache(current);
        current = selected;
        rows = [...running];
      }
      let logits: Float32Array[] = [];
      const next = tidyCache(() => {
        const step = extend(w, lastTokens.map((t) => [t]), current);
        logits = lastLogits(w, step.hidden);
        return step.cache;
      });
      disposeCache(current);
      cache = next;
      return logits;
    },
    dispose: () => disposeCache(cache),
  };
  return { first, stepper };
}

function recomputingStepper(w: Weights, prompt: PromptInput, sequences: Row[]): { first: Float32Array; stepper: Stepper } {
  const images = prompt.images ?? [];
  const first = tf.tidy(() => lastLogits(w, encodeSequences(w, [prompt.tokenIds], images))[0].slice());
  const stepper: Stepper = {
    next: (running) =>
      tf.tidy(() => {
        const rows = running.map((g) => [...prompt.tokenIds, ...sequences[g].tokenIds]);
        return lastLogits(w, encodeSequences(w, rows, images, prompt.tokenIds.length)).map((r) => r.slice());
      }),
    dispose: () => undefined,
  };
  return { first, stepper };
}

/**
 * Generates `groupSize` completions of one prompt (text and images), token by token: sampling
 * settings applied in HF's order (temperature, top-k, top-p), draws from `rng` (row by row, step by
 * step, so a saved rng state replays them), each completion ending at a stop token or after
 * maxNewTokens. Returns token ids and per-token log-probs; tensors are all freed.
 */
export function generate(w: Weights, prompt: PromptInput, options: GenerationOptions, rng: Rng): GeneratedSequence[] {
  const groupSize = options.groupSize ?? 1;
  const settings = { temperature: options.temperature ?? 1, topK: options.topK ?? 0, topP: options.topP ?? 1 };
  checkSamplingSettings(settings);
  if (!(Number.isInteger(groupSize) && groupSize >= 1)) throw new RangeError(`groupSize must be a whole number >= 1, found ${groupSize}`);
  if (!(Number.isInteger(options.maxNewTokens) && options.maxNewTokens >= 1)) throw new RangeError(`maxNewTokens must be a whole number >= 1, found ${options.maxNewTokens}`);
  const stops = new Set(options.stopTokenIds ?? w.config.tokens.eosTokenIds);
  const logProbTemperature = options.logProbs === 'unit' || settings.temperature === 0 ? 1 : settings.temperature;
  const rows: Row[] = Array.from({ length: groupSize }, () => ({ tokenIds: [], logProbs: [], finishReason: null }));
  const { first, stepper } = options.useCache === false ? recomputingStepper(w, prompt, rows) : cachedStepper(w, prompt, groupSize);
  try {
    let running = rows.map((_, g) => g);
    let logits: Float32Array[] = running.map(() => first);
    for (let step = 0; running.length > 0; step++) {
      running.forEach((g, i) => {
        const token = sampleToken(logits[i], settings, rng);
        rows[g].tokenIds.push(token);
        rows[g].logProbs.push(logProbOf(logits[i], token, logProbTemperature));
        if (stops.has(token)) rows[g].finishReason = 'stop';
        else if (step + 1 >= options.maxNewTokens) rows[g].finishReason = 'length';
      });
      const lastTokens = running.map((g) => rows[g].tokenIds[rows[g].tokenIds.length - 1]);
      const still = running.filter((g) => rows[g].finishReason === null);
      if (still.length === 0) break;
      logits = stepper.next(still, lastTokens.filter((_, i) => rows[running[i]].finishReason === null));
      running = still;
    }
  } finally {
    stepper.dispose();
  }
  return rows.map((r) => ({ tokenIds: r.tokenIds, logProbs: r.logProbs, finishReason: r.finishReason ?? 'length' }));
}
