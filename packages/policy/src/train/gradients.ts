import * as tf from '@tensorflow/tfjs-core';
import type { PolicyParameters } from '../model/parameters';
import { Weights } from '../model/weights';

export interface LossAndGradients {
  readonly loss: tf.Scalar;
  /**
   * Gradient of the loss for each trainable parameter the loss depends on, by Hugging Face tensor
   * name. A parameter the loss does not reach (the vision tower under a text-only loss) has no
   * entry, as PyTorch leaves its .grad None and optimisers skip it.
   */
  readonly gradients: Map<string, tf.Tensor>;
}

/**
 * The loss and its gradient with respect to every trainable parameter (tf.variableGrads through a
 * live view of the weights), and to `extra` variables the loss also reads (an auxiliary head
 * trained beside the policy), by their names there. Everything else made on the way is freed; the
 * caller owns (and disposes) the returned tensors, e.g. after the optimiser step.
 */
export function lossAndGradients(params: PolicyParameters, loss: (w: Weights) => tf.Scalar, extra: ReadonlyMap<string, tf.Variable> = new Map()): LossAndGradients {
  const own = params.names().filter((name) => params.get(name).trainable);
  const clash = [...extra.keys()].find((name) => params.names().includes(name));
  if (clash) throw new Error(`lossAndGradients: extra variable "${clash}" has the name of a policy parameter`);
  const names = [...own, ...extra.keys()];
  const variables = [...own.map((name) => params.get(name)), ...extra.values()];
  const { value, grads } = tf.variableGrads(() => loss(Weights.live(params)), variables);
  const gradients = new Map<string, tf.Tensor>();
  names.forEach((name, i) => {
    const g = grads[variables[i].name];
    if (g) gradients.set(name, g);
  });
  return { loss: value, gradients };
}
