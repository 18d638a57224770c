import * as tf from '@tensorflow/tfjs-core';
import type { CompletionSequence, LogProbPolicy } from '../train/log-prob-policy';

/** A sequence for the table policy: the last prompt token conditions the first completion token. */
export interface TableSequence extends CompletionSequence {
  readonly promptTokenIds: ArrayLike<number>;
}

export interface TableValues {
  /** [maxLength, vocab] logits by position. */
  readonly position: Float32Array;
  /** [vocab, vocab] logits added by the previous token (row) for the next (column). */
  readonly transition: Float32Array;
}

/**
 * A tiny autoregressive policy for tests: logits(t) = position[t] + transition[previous token],
 * the previous token of t = 0 being the prompt's last. Its two variables are named
 * "position.weight" and "transition.weight". tokenLogProbs uses one-hot products only (no
 * gather), so its gradient is exact on every backend.
 */
export class TablePolicy implements LogProbPolicy<TableSequence> {
  readonly trainableVariables: ReadonlyMap<string, tf.Variable>;

  constructor(
    readonly vocab: number,
    readonly maxLength: number,
    values: TableValues,
    trainable = true,
  ) {
    if (values.position.length !== maxLength * vocab || values.transition.length !== vocab * vocab) {
      throw new TypeError(`TablePolicy: position needs ${maxLength * vocab} values and transition ${vocab * vocab}, found ${values.position.length} and ${values.transition.length}`);
    }
    const variable = (data: Float32Array, shape: [number, number]) => tf.tidy(() => tf.variable(tf.tensor2d(data, shape), trainable));
    this.trainableVariables = new Map([
      ['position.weight', variable(values.position, [maxLength, vocab])],
      ['transition.weight', variable(values.transition, [vocab, vocab])],
    ]);
  }

  /** Seeded values uniform in [-scale, scale). */
  static random(vocab: number, maxLength: number, random: () => number, scale = 1): TablePolicy {
    const draw = (n: number) => Float32Array.from({ length: n }, () => (2 * random() - 1) * scale);
    return new TablePolicy(vocab, maxLength, { position: draw(maxLength * vocab), transition: draw(vocab * vocab) });
  }

  /** The current values (copies). */
  values(): TableValues {
    return {
      position: this.variable('position.weight').dataSync().slice() as Float32Array,
      transition: this.variable('transition.weight').dataSync().slice() as Float32Array,
    };
  }

  /** A frozen copy (a reference policy). */
  frozenCopy(): TablePolicy {
    return new TablePolicy(this.vocab, this.maxLength, this.values(), false);
  }

  variable(name: 'position.weight' | 'transition.weight'): tf.Variable {
    return this.trainableVariables.get(name) as tf.Variable;
  }

  private previousToken(s: TableSequence, t: number): number {
    return t === 0 ? s.promptTokenIds[s.promptTokenIds.length - 1] : s.completionTokenIds[t - 1];
  }

  tokenLogProbs(sequences: readonly TableSequence[]): tf.Tensor2D {
    const b = sequences.length;
    const width = Math.max(0, ...sequences.map((s) => s.completionTokenIds.length));
    const v = this.vocab;
    if (width > this.maxLength) throw new RangeError(`TablePolicy: a completion of ${width} tokens, the table has ${this.maxLength} positions`);
    const previous = new Float32Array(b * width * v);
    const target = new Float32Array(b * width * v);
    sequences.forEach((s, i) => {
      for (let t = 0; t < s.completionTokenIds.length; t++) {
        previous[(i * width + t) * v + this.previousToken(s, t)] = 1;
        target[(i * width + t) * v + s.completionTokenIds[t]] = 1;
      }
    });
    return tf.tidy(() => {
      const fromPrevious = tf.reshape(tf.matMul(tf.tensor2d(previous, [b * width, v]), this.variable('transition.weight')), [b, width, v]);
      const logits = tf.add(fromPrevious, tf.slice(this.variable('position.weight'), [0, 0], [width, v]));
      return tf.sum(tf.mul(tf.logSoftmax(logits), tf.tensor3d(target, [b, width, v])), -1) as tf.Tensor2D;
    });
  }

  dispose(): void {
    for (const variable of this.trainableVariables.values()) variable.dispose();
  }
}
