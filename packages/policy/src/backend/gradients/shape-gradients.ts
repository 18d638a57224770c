import * as tf from '@tensorflow/tfjs-core';
import { single } from './grad-helpers';

/**
 * Gradients of ops that move values without arithmetic (tfjs-core `gradients/<Op>_grad.ts`): each
 * routes the output gradient back to where the value came from, summing where one input value
 * reached several outputs (Tile, broadcasting).
 */

function perInput(grads: tf.Tensor[]): Record<string, () => tf.Tensor> {
  return Object.fromEntries(grads.map((g, i) => [String(i), () => g]));
}

const reshapeGrad: tf.GradConfig = {
  kernelName: tf.Reshape,
  inputsToSave: ['x'],
  gradFunc: (dy, [x]) => ({ x: () => tf.reshape(single(dy), x.shape) }),
};

const expandDimsGrad: tf.GradConfig = {
  kernelName: tf.ExpandDims,
  inputsToSave: ['input'],
  gradFunc: (dy, [input]) => ({ input: () => tf.reshape(single(dy), input.shape) }),
};

const transposeGrad: tf.GradConfig = {
  kernelName: tf.Transpose,
  gradFunc: (dy, _saved, attrs) => {
    const { perm } = attrs as unknown as { perm: number[] };
    return { x: () => tf.transpose(single(dy), tf.backend_util.getUndoAxesPermutation(perm)) };
  },
};

const concatGrad: tf.GradConfig = {
  kernelName: tf.Concat,
  saveAllInputs: true,
  gradFunc: (dy, saved, attrs) => {
    const axis = tf.util.parseAxisParam((attrs as unknown as { axis: number }).axis, saved[0].shape)[0];
    return perInput(tf.split(single(dy), saved.map((t) => t.shape[axis]), axis));
  },
};

const packGrad: tf.GradConfig = {
  kernelName: tf.Pack,
  saveAllInputs: true,
  gradFunc: (dy, _saved, attrs) => perInput(tf.unstack(single(dy), (attrs as unknown as { axis: number }).axis)),
};

const unpackGrad: tf.GradConfig = {
  kernelName: tf.Unpack,
  gradFunc: (dy, _saved, attrs) => ({ value: () => tf.stack(dy as tf.Tensor[], (attrs as unknown as { axis: number }).axis) }),
};

const splitGrad: tf.GradConfig = {
  kernelName: tf.SplitV,
  gradFunc: (dy, _saved, attrs) => ({ x: () => tf.concat(dy as tf.Tensor[], (attrs as unknown as { axis: number }).axis) }),
};

/** Slice: the gradient padded with zeros back to the input's shape. */
const sliceGrad: tf.GradConfig = {
  kernelName: tf.Slice,
  inputsToSave: ['x'],
  gradFunc: (dy, [x], attrs) => {
    const { begin, size } = attrs as unknown as { begin: number[]; size: number[] };
    const [start, length] = tf.slice_util.parseSliceParams(x, begin, size);
    const paddings = x.shape.map((d, i) => [start[i], d - start[i] - length[i]] as [number, number]);
    return { x: () => tf.pad(single(dy), paddings) };
  },
};

/** Pad: the slice of the gradient where the input was. */
const padGrad: tf.GradConfig = {
  kernelName: tf.PadV2,
  inputsToSave: ['x'],
  gradFunc: (dy, [x], attrs) => {
    const { paddings } = attrs as unknown as { paddings: [number, number][] };
    return { x: () => tf.slice(single(dy), paddings.map((p) => p[0]), x.shape) };
  },
};

/** Tile: view dy as [r0, d0, r1, d1, ...] and sum over the repeat axes. */
const tileGrad: tf.GradConfig = {
  kernelName: tf.Tile,
  inputsToSave: ['x'],
  gradFunc: (dy, [x], attrs) => {
    const { reps } = attrs as unknown as { reps: number[] };
    return {
      x: () => {
        const split = x.shape.flatMap((d, i) => [reps[i], d]);
        const repeatAxes = x.shape.map((_, i) => 2 * i);
        return tf.reshape(tf.sum(tf.reshape(single(dy), split), repeatAxes), x.shape);
      },
    };
  },
};

/** Select (where): the gradient goes to the branch each element came from. */
const selectGrad: tf.GradConfig = {
  kernelName: tf.Select,
  inputsToSave: ['condition'],
  gradFunc: (dy, [condition]) => {
    const g = single(dy);
    return {
      condition: () => tf.zerosLike(g),
      t: () => tf.where(condition, g, tf.zerosLike(g)),
      e: () => tf.where(condition, tf.zerosLike(g), g),
    };
  },
};

export const SHAPE_GRADIENTS: readonly tf.GradConfig[] = [
  reshapeGrad,
  expandDimsGrad,
  transposeGrad,
  concatGrad,
  packGrad,
  unpackGrad,
  splitGrad,
  sliceGrad,
  padGrad,
  tileGrad,
  selectGrad,
];
