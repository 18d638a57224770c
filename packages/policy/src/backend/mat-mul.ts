import * as tf from '@tensorflow/tfjs-core';

/**
 * `tf.matMul` whose gradient transposes explicitly. tfjs's own gradient (tfjs-core
 * `gradients/BatchMatMul_grad.ts`) calls matMul with `transposeA`/`transposeB`, which on
 * tfjs-backend-wasm 4.22 runs 12-60x slower than transposing first; the flags given here are also
 * turned into explicit transposes. Same values and gradients: for C = op(A) op(B),
 *   dA = dC op(B)^T  (transposed back when A was transposed), dB = op(A)^T dC (likewise).
 * Both operands must have the same rank (2 or more) and the same batch dimensions.
 */
export function matMul(a: tf.Tensor, b: tf.Tensor, transposeA = false, transposeB = false): tf.Tensor {
  if (a.rank < 2 || a.rank !== b.rank) {
    throw new TypeError(`matMul: operands must have the same rank >= 2, found [${a.shape.join(', ')}] and [${b.shape.join(', ')}]`);
  }
  const batch = a.shape.slice(0, -2);
  if (b.shape.slice(0, -2).some((d, i) => d !== batch[i])) {
    throw new TypeError(`matMul: batch dimensions differ: [${a.shape.join(', ')}] and [${b.shape.join(', ')}]`);
  }
  const inner = transposeA ? a.shape[a.rank - 2] : a.shape[a.rank - 1];
  const innerB = transposeB ? b.shape[b.rank - 1] : b.shape[b.rank - 2];
  if (inner !== innerB) {
    throw new TypeError(
      `matMul: inner dimensions differ (${inner} vs ${innerB}) for [${a.shape.join(', ')}]${transposeA ? '^T' : ''} x [${b.shape.join(', ')}]${transposeB ? '^T' : ''}`,
    );
  }
  return MAT_MULS[`${transposeA ? 't' : 'n'}${transposeB ? 't' : 'n'}`](a, b);
}

/** Swaps the last two axes. */
export function transposeLast(x: tf.Tensor): tf.Tensor {
  const perm = x.shape.map((_, i) => i);
  perm[x.rank - 2] = x.rank - 1;
  perm[x.rank - 1] = x.rank - 2;
  return tf.transpose(x, perm);
}

const mm = (x: tf.Tensor, y: tf.Tensor): tf.Tensor => tf.matMul(x, y);
const t = transposeLast;

type Pair = (a: tf.Tensor, b: tf.Tensor) => tf.Tensor;

/** One customGrad per transpose combination; dy is the gradient of the product. */
function withGrad(forward: Pair, gradA: (dy: tf.Tensor, a: tf.Tensor, b: tf.Tensor) => tf.Tensor, gradB: typeof gradA): Pair {
  const f = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [a, b, save] = args as [tf.Tensor, tf.Tensor, tf.GradSaveFunc];
    save([a, b]);
    return {
      value: forward(a, b),
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
        const g = dy as tf.Tensor;
        const [sa, sb] = saved;
        return [gradA(g, sa, sb), gradB(g, sa, sb)];
      },
    };
  });
  return (a, b) => f(a, b) as tf.Tensor;
}

const MAT_MULS: Record<'nn' | 'nt' | 'tn' | 'tt', Pair> = {
  // C = A B
  nn: withGrad(
    (a, b) => mm(a, b),
    (dy, _a, b) => mm(dy, t(b)),
    (dy, a) => mm(t(a), dy),
  ),
  // C = A B^T
  nt: withGrad(
    (a, b) => mm(a, t(b)),
    (dy, _a, b) => mm(dy, b),
    (dy, a) => mm(t(dy), a),
  ),
  // C = A^T B
  tn: withGrad(
    (a, b) => mm(t(a), b),
    (dy, _a, b) => mm(b, t(dy)),
    (dy, a) => mm(a, dy),
  ),
  // C = A^T B^T
  tt: withGrad(
    (a, b) => mm(t(a), t(b)),
    (dy, _a, b) => mm(t(b), t(dy)),
    (dy, a) => mm(t(dy), t(a)),
  ),
};
