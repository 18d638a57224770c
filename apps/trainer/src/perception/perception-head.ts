import * as tf from '@tensorflow/tfjs-core';
import { Rng } from '@mixed-r1/policy';
import { BACKGROUND_LABEL, SCENE_COLOURS, SCENE_SHAPES, type TokenLabels } from './scene-token-labels';

/** Classes of the two heads: background and the scenes' shapes; background and their colours. */
export const SHAPE_CLASSES = 1 + SCENE_SHAPES.length;
export const COLOUR_CLASSES = 1 + SCENE_COLOURS.length;

/**
 * Two linear classifiers on the vision tower's output tokens (the merger's out_hidden_size
 * features, what the decoder reads): the shape and the colour of the object each token shows.
 * Not part of the Qwen2.5-VL checkpoint: it exists to train the tower, and is dropped afterwards.
 * Weights are [classes, features] as the policy's linear layers, std 0.02 from the seed, biases 0.
 */
export class PerceptionHead {
  readonly variables: ReadonlyMap<string, tf.Variable>;

  constructor(features: number, seed: number) {
    const rng = Rng.fromSeed(seed);
    const matrix = (rows: number) => tf.variable(tf.tensor2d(Float32Array.from({ length: rows * features }, () => 0.02 * rng.nextNormal()), [rows, features]), true);
    this.variables = new Map<string, tf.Variable>([
      ['perception.shape.weight', matrix(SHAPE_CLASSES)],
      ['perception.shape.bias', tf.variable(tf.zeros([SHAPE_CLASSES]), true)],
      ['perception.colour.weight', matrix(COLOUR_CLASSES)],
      ['perception.colour.bias', tf.variable(tf.zeros([COLOUR_CLASSES]), true)],
    ]);
  }

  private linear(features: tf.Tensor2D, name: 'shape' | 'colour'): tf.Tensor2D {
    const weight = this.variables.get(`perception.${name}.weight`)!;
    const bias = this.variables.get(`perception.${name}.bias`)!;
    return tf.add(tf.matMul(features, weight, false, true), bias) as tf.Tensor2D;
  }

  /** Logits [tokens, classes] of both heads. */
  logits(features: tf.Tensor2D): { shape: tf.Tensor2D; colour: tf.Tensor2D } {
    return { shape: this.linear(features, 'shape'), colour: this.linear(features, 'colour') };
  }

  dispose(): void {
    this.variables.forEach((v) => v.dispose());
  }
}

/**
 * Per-token weights of the balanced loss: background tokens share half of the weight and object
 * tokens the other half (an image is mostly background; a plain mean would teach "background"
 * first). With only one kind present, it takes all of the weight.
 */
export function balancedTokenWeights(labels: Int32Array): Float32Array {
  const objects = labels.reduce((n, label) => n + (label === BACKGROUND_LABEL ? 0 : 1), 0);
  const background = labels.length - objects;
  const objectShare = background === 0 ? 1 : objects === 0 ? 0 : 0.5;
  return Float32Array.from(labels, (label) => (label === BACKGROUND_LABEL ? (1 - objectShare) / background : objectShare / objects));
}

function weightedCrossEntropy(logits: tf.Tensor2D, labels: Int32Array): tf.Scalar {
  const logProbabilities = tf.logSoftmax(logits);
  const picked = tf.sum(tf.mul(logProbabilities, tf.oneHot(tf.tensor1d(labels, 'int32'), logits.shape[1])), 1);
  return tf.neg(tf.sum(tf.mul(picked, tf.tensor1d(balancedTokenWeights(labels))))) as tf.Scalar;
}

/**
 * The perception loss of one image's tokens: the balanced cross-entropy of the shape head plus
 * that of the colour head.
 */
export function perceptionLoss(head: PerceptionHead, features: tf.Tensor2D, labels: TokenLabels): tf.Scalar {
  return tf.tidy(() => {
    const { shape, colour } = head.logits(features);
    return tf.add(weightedCrossEntropy(shape, labels.shape), weightedCrossEntropy(colour, labels.colour)) as tf.Scalar;
  });
}
