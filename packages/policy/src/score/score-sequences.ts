import * as tf from '@tensorflow/tfjs-core';
import type { PromptInput } from '../model/qwen2-5-vl';
import type { Weights } from '../model/weights';
import { scoreCompletions, type ScoreOptions } from './score-completions';

export interface ScoredSequence {
  /** Index into the prompts the sequence continues. */
  readonly prompt: number;
  readonly tokenIds: readonly number[];
}

/**
 * Per-token log-probs [N, L] of N completions of several prompts, rows in the order given (L the
 * longest; 0 past a completion's end): each prompt's completions are scored together with the
 * prompt encoded once (scoreCompletions), then the rows are put back in order. Differentiable.
 */
export function scoreSequences(w: Weights, prompts: readonly PromptInput[], sequences: readonly ScoredSequence[], options: ScoreOptions = {}): tf.Tensor2D {
  if (sequences.length === 0) throw new RangeError('scoreSequences: no sequences to score');
  const longest = Math.max(...sequences.map((s) => s.tokenIds.length));
  const groups = new Map<number, number[]>();
  sequences.forEach((s, i) => {
    if (!Number.isInteger(s.prompt) || s.prompt < 0 || s.prompt >= prompts.length) throw new RangeError(`scoreSequences: sequence ${i} names prompt ${s.prompt}, ${prompts.length} given`);
    groups.set(s.prompt, [...(groups.get(s.prompt) ?? []), i]);
  });
  return tf.tidy(() => {
    const parts: tf.Tensor2D[] = [];
    const order: number[] = [];
    for (const [prompt, members] of groups) {
      const { logProbs, mask } = scoreCompletions(w, prompts[prompt], members.map((i) => sequences[i].tokenIds), options);
      mask.dispose();
      const width = logProbs.shape[1];
      parts.push(width === longest ? logProbs : (tf.pad(logProbs, [[0, 0], [0, longest - width]]) as tf.Tensor2D));
      order.push(...members);
    }
    // Row r of the concatenation holds sequence order[r]; take them back in sequence order.
    const position = new Int32Array(sequences.length);
    order.forEach((sequence, row) => (position[sequence] = row));
    return tf.gather(tf.concat(parts, 0), tf.tensor1d(position, 'int32')) as tf.Tensor2D;
  });
}
