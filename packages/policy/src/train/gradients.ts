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
 * live view of the weights). Everything else made on the way is freed; the caller owns (and
 * disposes) the returned tensors, e.g. after the optimiser step.
 */
export function lossAndGradients(params: PolicyParameters, loss: (w: Weights) => tf.Scalar): LossAndGradients {
  const names = params.names().filter((name) => params.get(name).trainable);
  const variables = names.map((name) => params.get(name));
  const { value, grads } = tf.variableGrads(() => loss(Weights.live(params)), variables);
  const gradients = new Map<string, tf.Tensor>();
  names.forEach((name, i) => {
    const g = grads[variables[i].name];
    if (g) gradients.set(name, g);
  });
  return { loss: value, gradients };
}
