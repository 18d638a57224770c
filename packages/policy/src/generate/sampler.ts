import type { Rng } from '../random/rng';

export interface SamplingSettings {
  /** 0: greedy (argmax). Otherwise logits are divided by it before top-k / top-p. */
  readonly temperature: number;
  /** Keep the k most likely tokens (ties at the k-th value kept, as HF's TopKLogitsWarper); 0: off. */
  readonly topK: number;
  /** Keep the most likely tokens whose probability mass reaches p (HF's TopPLogitsWarper); 1: off. */
  readonly topP: number;
}

/**
 * Which distribution the reported log-probability of a sampled token comes from:
 * - `sampling`: log softmax(logits / temperature), without top-k / top-p (TRL GRPOTrainer's
 *   `_get_per_token_logps` divides by the temperature; the default, so generation and scoring with
 *   the same temperature agree);
 * - `unit`: log softmax(logits), the model's own distribution at temperature 1.
 * Greedy decoding (temperature 0) reports temperature-1 log-probs either way.
 */
export const LOG_PROB_MODES = ['sampling', 'unit'] as const;
export type LogProbMode = (typeof LOG_PROB_MODES)[number];

export function checkSamplingSettings(s: SamplingSettings): void {
  if (!(Number.isFinite(s.temperature) && s.temperature >= 0)) throw new RangeError(`temperature must be a number >= 0 (0: greedy), found ${s.temperature}`);
  if (!(Number.isInteger(s.topK) && s.topK >= 0)) throw new RangeError(`topK must be a whole number >= 0 (0: off), found ${s.topK}`);
  if (!(s.topP > 0 && s.topP <= 1)) throw new RangeError(`topP must be in (0, 1] (1: off), found ${s.topP}`);
}

/** log softmax(logits / temperature) at `token`, in float64. */
export function logProbOf(logits: Float32Array, token: number, temperature: number): number {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) if (logits[i] > max) max = logits[i];
  let sum = 0;
  for (let i = 0; i < logits.length; i++) sum += Math.exp((logits[i] - max) / temperature);
  return (logits[token] - max) / temperature - Math.log(sum);
}

function argmax(logits: Float32Array): number {
  let best = 0;
  for (let i = 1; i < logits.length; i++) if (logits[i] > logits[best]) best = i;
  return best;
}

/**
 * Draws one token from a row of logits: temperature, then top-k, then top-p (HF's warper order),
 * then one uniform draw from `rng` walked along the kept tokens' cumulative probabilities.
 */
export function sampleToken(logits: Float32Array, settings: SamplingSettings, rng: Rng): number {
  if (settings.temperature === 0) return argmax(logits);
  const { temperature, topK, topP } = settings;
  const truncates = (topK > 0 && topK < logits.length) || topP < 1;
  // With truncation, candidates most likely first (ties: lower id first); without, in id order.
  const order = Array.from(logits.keys());
  if (truncates) order.sort((a, b) => logits[b] - logits[a] || a - b);
  let kept = order.length;
  if (topK > 0 && topK < kept) {
    const threshold = logits[order[topK - 1]];
    kept = topK;
    while (kept < order.length && logits[order[kept]] === threshold) kept++;
  }
  let max = -Infinity;
  for (let i = 0; i < kept; i++) max = Math.max(max, logits[order[i]]);
  const weights = new Float64Array(kept);
  let total = 0;
  for (let i = 0; i < kept; i++) total += weights[i] = Math.exp((logits[order[i]] - max) / temperature);
  if (topP < 1) {
    // HF removes tokens whose ascending cumulative probability is <= 1 - p; the top token always stays.
    let fromBottom = 0;
    let cut = kept;
    for (let i = kept - 1; i >= 1; i--) {
      fromBottom += weights[i] / total;
      if (fromBottom <= 1 - topP) cut = i;
      else break;
    }
    for (let i = cut; i < kept; i++) total -= weights[i];
    kept = cut;
  }
  let u = rng.nextFloat() * total;
  for (let i = 0; i < kept; i++) {
    u -= weights[i];
    if (u < 0) return order[i];
  }
  return order[kept - 1];
}
