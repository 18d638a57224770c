import * as tf from '@tensorflow/tfjs-core';
import { visionTower, Weights, type PolicyParameters } from '@mixed-r1/policy';
import type { PerceptionExample } from './perception-example';
import { perceptionLoss, type PerceptionHead } from './perception-head';

/** The vision tower's parameters (Hugging Face names under `visual.`): what perception training updates. */
export function visionVariables(params: PolicyParameters): Map<string, tf.Variable> {
  return new Map([...params.variables()].filter(([name]) => name.startsWith('visual.')));
}

/**
 * The batch's perception loss (the mean over its images of each image's balanced shape + colour
 * cross-entropy), the tower run once over all images, and its gradients for the tower's and the
 * head's variables, by name. The caller disposes the loss and the gradients.
 */
export function perceptionLossAndGradients(
  params: PolicyParameters,
  head: PerceptionHead,
  batch: readonly PerceptionExample[],
): { loss: tf.Scalar; gradients: Map<string, tf.Tensor> } {
  const variables = new Map([...visionVariables(params), ...head.variables]);
  const names = [...variables.keys()];
  const { value, grads } = tf.variableGrads(() => {
    const features = visionTower(Weights.live(params), batch.map((example) => example.image));
    const perImage = tf.split(features, batch.map((example) => example.labels.shape.length));
    const losses = batch.map((example, i) => perceptionLoss(head, perImage[i] as tf.Tensor2D, example.labels));
    return tf.mean(tf.stack(losses)) as tf.Scalar;
  }, names.map((name) => variables.get(name)!));
  const gradients = new Map<string, tf.Tensor>();
  for (const name of names) {
    const g = grads[variables.get(name)!.name];
    if (g) gradients.set(name, g);
  }
  return { loss: value, gradients };
}
