import * as tf from '@tensorflow/tfjs-core';
import { BINARY_GRADIENTS } from './binary-gradients';
import { GATHER_GRADIENT } from './gather-gradient';
import { MAT_MUL_GRADIENT } from './mat-mul-gradient';
import { REDUCTION_GRADIENTS } from './reduction-gradients';
import { SHAPE_GRADIENTS } from './shape-gradients';
import { SOFTMAX_GRADIENT } from './softmax-gradient';
import { UNARY_GRADIENTS } from './unary-gradients';

/**
 * The gradients this package registers. tfjs-core 4.22's CommonJS entry registers none (its
 * `dist/register_all_gradients.js` is ES-module source with extensionless imports, which neither
 * Node nor jest loads; the `@tensorflow/tfjs` bundle inlines them). This set covers the kernels of
 * the policy model and of a GRPO loss; `tf.grad` through any other kernel throws tfjs's "gradient
 * function not found" error naming it.
 */
export const GRADIENTS: readonly tf.GradConfig[] = [
  ...BINARY_GRADIENTS,
  ...UNARY_GRADIENTS,
  ...REDUCTION_GRADIENTS,
  ...SHAPE_GRADIENTS,
  GATHER_GRADIENT,
  SOFTMAX_GRADIENT,
  MAT_MUL_GRADIENT,
];

/**
 * Registers every gradient of GRADIENTS that no one registered before (tfjs-node's bundle brings its
 * own; those are kept). Safe to call more than once.
 */
export function registerGradients(): void {
  for (const config of GRADIENTS) {
    if (!tf.getGradient(config.kernelName)) tf.registerGradient(config);
  }
}
