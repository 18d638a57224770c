import * as tf from '@tensorflow/tfjs-core';
import { transposeLast } from '../mat-mul';
import { single } from './grad-helpers';

/**
 * Gradient of BatchMatMul (plain `tf.matMul`) with explicit transposes instead of the
 * transposeA/transposeB flags (slow on wasm; see mat-mul.ts). For C = op(A) op(B):
 * d op(A) = dC op(B)^T and d op(B) = op(A)^T dC, transposed back for a transposed operand.
 */
export const MAT_MUL_GRADIENT: tf.GradConfig = {
  kernelName: tf.BatchMatMul,
  inputsToSave: ['a', 'b'],
  gradFunc: (dy, [a, b], attrs) => {
    const { transposeA, transposeB } = attrs as unknown as { transposeA: boolean; transposeB: boolean };
    const g = single(dy);
    const opA = () => (transposeA ? transposeLast(a) : a);
    const opB = () => (transposeB ? transposeLast(b) : b);
    return {
      a: () => {
        const dOpA = tf.matMul(g, transposeLast(opB()));
        return transposeA ? transposeLast(dOpA) : dOpA;
      },
      b: () => {
        const dOpB = tf.matMul(transposeLast(opA()), g);
        return transposeB ? transposeLast(dOpB) : dOpB;
      },
    };
  },
};
