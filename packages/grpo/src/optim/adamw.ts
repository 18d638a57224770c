import * as tf from '@tensorflow/tfjs-core';
import type { AdamWConfig } from '../config/grpo-config';

/** The optimizer's state, as plain arrays (for checkpoints): steps taken and both moments by variable name. */
export interface AdamWState {
  readonly step: number;
  readonly firstMoment: ReadonlyMap<string, Float32Array>;
  readonly secondMoment: ReadonlyMap<string, Float32Array>;
}

interface Moments {
  readonly m: tf.Variable;
  readonly v: tf.Variable;
}

/**
 * AdamW as torch.optim.AdamW (`_single_tensor_adamw`, amsgrad off), per variable with a gradient:
 *   p <- p * (1 - lr * weight_decay)
 *   m <- beta1 * m + (1 - beta1) * g;   v <- beta2 * v + (1 - beta2) * g^2
 *   p <- p - (lr / (1 - beta1^t)) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 * t counts the steps taken, the bias corrections are float64 numbers. A variable without a gradient
 * in a step is left alone, weight decay included (torch skips parameters whose .grad is None).
 */
export class AdamW {
  private readonly moments = new Map<string, Moments>();
  private steps = 0;

  constructor(
    private readonly variables: ReadonlyMap<string, tf.Variable>,
    readonly config: AdamWConfig,
  ) {}

  /** Steps taken so far. */
  get step(): number {
    return this.steps;
  }

  private momentsOf(name: string, variable: tf.Variable): Moments {
    let state = this.moments.get(name);
    if (!state) {
      state = tf.tidy(() => ({ m: tf.variable(tf.zerosLike(variable), false), v: tf.variable(tf.zerosLike(variable), false) }));
      this.moments.set(name, state);
    }
    return state;
  }

  /** One update with learning rate `lr`; `gradients` (by variable name) stay the caller's. */
  apply(gradients: ReadonlyMap<string, tf.Tensor>, lr: number): void {
    for (const name of gradients.keys()) {
      if (!this.variables.has(name)) throw new Error(`AdamW: a gradient for "${name}", which is not one of the variables it updates`);
    }
    this.steps += 1;
    const [beta1, beta2] = this.config.betas;
    const { eps, weightDecay } = this.config;
    const stepSize = lr / (1 - beta1 ** this.steps);
    const correction2 = Math.sqrt(1 - beta2 ** this.steps);
    for (const [name, g] of gradients) {
      const p = this.variables.get(name) as tf.Variable;
      const { m, v } = this.momentsOf(name, p);
      tf.tidy(() => {
        const decayed = weightDecay !== 0 ? tf.mul(p, 1 - lr * weightDecay) : p;
        const m1 = tf.add(tf.mul(m, beta1), tf.mul(g, 1 - beta1));
        const v1 = tf.add(tf.mul(v, beta2), tf.mul(tf.square(g), 1 - beta2));
        const denom = tf.add(tf.div(tf.sqrt(v1), correction2), eps);
        m.assign(m1);
        v.assign(v1);
        p.assign(tf.sub(decayed, tf.mul(tf.div(m1, denom), stepSize)));
      });
    }
  }

  /** A copy of the state (moments of the variables updated so far). */
  state(): AdamWState {
    const firstMoment = new Map<string, Float32Array>();
    const secondMoment = new Map<string, Float32Array>();
    for (const [name, { m, v }] of this.moments) {
      firstMoment.set(name, m.dataSync().slice() as Float32Array);
      secondMoment.set(name, v.dataSync().slice() as Float32Array);
    }
    return { step: this.steps, firstMoment, secondMoment };
  }

  /** Restores a state from `state()`; sizes must match the variables. */
  loadState(state: AdamWState): void {
    if (!Number.isInteger(state.step) || state.step < 0) throw new TypeError(`AdamW.loadState: step must be a whole number >= 0, found ${state.step}`);
    for (const name of state.firstMoment.keys()) {
      const p = this.variables.get(name);
      const m = state.firstMoment.get(name) as Float32Array;
      const v = state.secondMoment.get(name);
      if (!p) throw new TypeError(`AdamW.loadState: state for "${name}", which is not one of the variables it updates`);
      if (!v || m.length !== p.size || v.length !== p.size) {
        throw new TypeError(`AdamW.loadState: "${name}" needs ${p.size} values in both moments, found ${m.length} and ${v?.length ?? 'none'}`);
      }
    }
    this.disposeMoments();
    for (const [name, m] of state.firstMoment) {
      const p = this.variables.get(name) as tf.Variable;
      const v = state.secondMoment.get(name) as Float32Array;
      this.moments.set(name, tf.tidy(() => ({ m: tf.variable(tf.tensor(m, p.shape), false), v: tf.variable(tf.tensor(v, p.shape), false) })));
    }
    this.steps = state.step;
  }

  private disposeMoments(): void {
    for (const { m, v } of this.moments.values()) {
      m.dispose();
      v.dispose();
    }
    this.moments.clear();
  }

  dispose(): void {
    this.disposeMoments();
  }
}
