import * as tf from '@tensorflow/tfjs-core';
import { transposeLast } from '../backend/mat-mul';
import type { PolicyParameters } from './parameters';

/**
 * What a forward pass reads parameters through. Linear weights are stored [out, in] as in PyTorch;
 * `transposed(name)` gives the [in, out] matrix the matMul needs (a rank-5 Conv3d kernel is first
 * flattened to [out, in*t*p*p]). A live view transposes on first use inside the caller's scope
 * (so the transpose is part of the gradient); a frozen view transposes every weight once and keeps
 * the results for many steps (generation), until disposed.
 */
export class Weights {
  private readonly memo = new Map<string, tf.Tensor>();

  private constructor(
    readonly params: PolicyParameters,
    private readonly frozen: boolean,
  ) {}

  /** For a training step or a single forward: transposes happen in the caller's tidy/tape. */
  static live(params: PolicyParameters): Weights {
    return new Weights(params, false);
  }

  /** For generation: every matrix transposed once now, kept until `dispose()`. */
  static frozen(params: PolicyParameters): Weights {
    const view = new Weights(params, true);
    for (const spec of params.specs) {
      if (spec.shape.length >= 2) view.memo.set(spec.name, tf.keep(tf.tidy(() => flattenAndTranspose(params.get(spec.name)))));
    }
    return view;
  }

  get config() {
    return this.params.config;
  }

  get(name: string): tf.Tensor {
    return this.params.get(name);
  }

  /** True when the transposes are kept (generation); a live view's matrices go through linearOp instead. */
  get isFrozen(): boolean {
    return this.frozen;
  }

  /** The weight `name` as an [in, out] matrix. */
  transposed(name: string): tf.Tensor2D {
    let t = this.memo.get(name);
    // A live view's transposes belong to the scope that made them: remake them after it ended.
    if (!t || t.isDisposed) {
      if (this.frozen) throw new Error(`Weights: "${name}" is not a matrix of this model`);
      t = flattenAndTranspose(this.params.get(name));
      this.memo.set(name, t);
    }
    return t as tf.Tensor2D;
  }

  /** Frees the kept transposes of a frozen view (a live view's belong to the caller's scope). */
  dispose(): void {
    if (this.frozen) this.memo.forEach((t) => t.dispose());
    this.memo.clear();
  }
}

function flattenAndTranspose(w: tf.Tensor): tf.Tensor2D {
  const flat = w.rank === 2 ? w : tf.reshape(w, [w.shape[0], w.size / w.shape[0]]);
  return transposeLast(flat) as tf.Tensor2D;
}
