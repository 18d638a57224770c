import * as tf from '@tensorflow/tfjs-core';
import { lmHead } from '../model/decoder';
import { repeatCache } from '../model/kv-cache';
import { encodePrompt, extend, type PromptInput } from '../model/qwen2-5-vl';
import type { Weights } from '../model/weights';

export interface ScoreOptions {
  /**
   * Logits are divided by this before the log-softmax (TRL's `_get_per_token_logps`): use the
   * sampling temperature to match log-probs reported by generate's default `sampling` mode, 1 for
   * the model's own distribution. Default 1.
   */
  readonly temperature?: number;
}

export interface CompletionScores {
  /** [G, L] log-probability of each completion token (0 past a completion's end), L the longest. */
  readonly logProbs: tf.Tensor2D;
  /** [G, L] 1 where a completion has a token, 0 in the padding. */
  readonly mask: tf.Tensor2D;
}

/**
 * Per-token log-probs of the G completions of one prompt, in one pass over the completions after
 * one pass over the prompt (its cache repeated G times): token t of completion g is predicted from
 * the prompt's last position (t = 0) or from completion token t - 1. Only the positions that
 * predict a real token go through the LM head. Differentiable: call it inside tf.variableGrads /
 * tf.grad for GRPO's loss; gradients reach the prompt's positions and the vision tower through the
 * repeated cache.
 */
export function scoreCompletions(w: Weights, prompt: PromptInput, completions: readonly (readonly number[])[], options: ScoreOptions = {}): CompletionScores {
  const temperature = options.temperature ?? 1;
  if (!(temperature > 0 && Number.isFinite(temperature))) throw new RangeError(`scoreCompletions: temperature must be > 0, found ${temperature}`);
  const groupSize = completions.length;
  if (groupSize === 0) throw new RangeError('scoreCompletions: no completions to score');
  const longest = Math.max(...completions.map((c) => c.length));
  const maskValues = new Float32Array(groupSize * longest);
  completions.forEach((c, g) => maskValues.fill(1, g * longest, g * longest + c.length));
  const mask = tf.tensor2d(maskValues, [groupSize, longest]);
  if (longest === 0) return { logProbs: tf.zeros([groupSize, 0]) as tf.Tensor2D, mask };
  const { vocabSize, hiddenSize } = w.config.text;
  const logProbs = tf.tidy(() => {
    const encoded = encodePrompt(w, prompt);
    const promptLength = encoded.hidden.shape[1];
    const lastPrompt = tf.slice(encoded.hidden, [0, promptLength - 1, 0], [1, 1, hiddenSize]);
    let predictors = tf.tile(lastPrompt, [groupSize, 1, 1]);
    if (longest > 1) {
      // Every completion's tokens but the last, right-padded (padding only sees itself and earlier tokens).
      const inputs = completions.map((c) => Array.from({ length: longest - 1 }, (_, t) => c[t] ?? c[0] ?? 0));
      const run = extend(w, inputs, repeatCache(encoded.cache, groupSize));
      predictors = tf.concat([predictors, run.hidden], 1);
    }
    // The predicting rows of real tokens, flattened; their targets' places in [rows * vocab].
    const rows: number[] = [];
    const targets: number[] = [];
    completions.forEach((c, g) =>
      c.forEach((token, t) => {
        if (!Number.isInteger(token) || token < 0 || token >= vocabSize) throw new RangeError(`scoreCompletions: completion ${g} token ${t} is ${token}, outside the vocabulary`);
        targets.push(rows.length * vocabSize + token);
        rows.push(g * longest + t);
      }),
    );
    const hidden = tf.gather(tf.reshape(predictors, [groupSize * longest, hiddenSize]), tf.tensor1d(rows, 'int32'));
    let logits: tf.Tensor = lmHead(w, hidden as tf.Tensor2D);
    if (temperature !== 1) logits = tf.div(logits, temperature);
    const picked = tf.gather(tf.reshape(tf.logSoftmax(logits), [-1]), tf.tensor1d(targets, 'int32'));
    // Back to [G, L]: each slot takes its value, padding takes the appended 0.
    const slots = new Int32Array(groupSize * longest).fill(rows.length);
    rows.forEach((slot, i) => (slots[slot] = i));
    return tf.reshape(tf.gather(tf.concat([picked, tf.zeros([1])]), tf.tensor1d(slots, 'int32')), [groupSize, longest]) as tf.Tensor2D;
  });
  return { logProbs, mask };
}
