import * as tf from '@tensorflow/tfjs-core';

/**
 * A JS `UnsortedSegmentSum` kernel (TensorFlow's `tf.math.unsorted_segment_sum` semantics:
 * out[s, ...] = sum of x[i, ...] over i with segmentIds[i] = s; negative ids are dropped; an id at
 * or past numSegments is an error). tfjs's gradient of `gather` (embedding lookups) is this op.
 * tfjs-backend-wasm 4.22 has no such kernel, and the cpu backend's builds a mask per segment
 * (quadratic: tens of seconds for one embedding gradient), so both get this one. Sums accumulate
 * in float64 in index order and round once, as the cpu backend's `sum` does.
 */
export function unsortedSegmentSumValues(
  x: ArrayLike<number>,
  xShape: readonly number[],
  segmentIds: ArrayLike<number>,
  numSegments: number,
): Float64Array {
  const ids = segmentIds.length;
  if (!Number.isInteger(numSegments) || numSegments < 0) {
    throw new RangeError(`UnsortedSegmentSum: numSegments must be a whole number, found ${numSegments}`);
  }
  const inner = ids === 0 ? 0 : x.length / ids;
  if (!Number.isInteger(inner)) {
    throw new RangeError(`UnsortedSegmentSum: ${ids} segment ids do not divide x of shape [${xShape.join(', ')}]`);
  }
  const sums = new Float64Array(numSegments * inner);
  for (let i = 0; i < ids; i++) {
    const segment = segmentIds[i];
    if (segment < 0) continue;
    if (segment >= numSegments) {
      throw new RangeError(`UnsortedSegmentSum: segment id ${segment} at index ${i} is not below numSegments ${numSegments}`);
    }
    const from = i * inner;
    const to = segment * inner;
    for (let j = 0; j < inner; j++) sums[to + j] += x[from + j];
  }
  return sums;
}

/** Output shape: [numSegments, ...x.shape after the segment ids' dimensions]. */
function outputShape(xShape: readonly number[], idsRank: number, numSegments: number): number[] {
  return [numSegments, ...xShape.slice(idsRank)];
}

type MakeOutput = (backend: tf.KernelBackend, shape: number[], dtype: tf.DataType, values: Float32Array | Int32Array) => tf.TensorInfo;

/** How each backend turns JS values into an output tensor (their APIs differ). */
const MAKE_OUTPUT: Record<'wasm' | 'cpu', MakeOutput> = {
  wasm: (backend, shape, dtype, values) =>
    (backend as unknown as { makeOutput: (s: number[], d: tf.DataType, o: undefined, v: typeof values) => tf.TensorInfo }).makeOutput(
      shape,
      dtype,
      undefined,
      values,
    ),
  cpu: (backend, shape, dtype, values) =>
    (backend as unknown as { makeTensorInfo: (s: number[], d: tf.DataType, v: typeof values) => tf.TensorInfo }).makeTensorInfo(
      shape,
      dtype,
      values,
    ),
};

function kernelConfig(backendName: 'wasm' | 'cpu'): tf.KernelConfig {
  const kernelFunc: tf.KernelFunc = ({ inputs, attrs, backend }) => {
    const { x, segmentIds } = inputs as { x: tf.TensorInfo; segmentIds: tf.TensorInfo };
    const { numSegments } = attrs as unknown as { numSegments: number };
    const kernelBackend = backend as tf.KernelBackend;
    const xValues = kernelBackend.readSync(x.dataId) as Float32Array | Int32Array;
    const idValues = kernelBackend.readSync(segmentIds.dataId) as Int32Array;
    const values = unsortedSegmentSumValues(xValues, x.shape, idValues, numSegments);
    const out = x.dtype === 'int32' ? Int32Array.from(values) : Float32Array.from(values);
    return MAKE_OUTPUT[backendName](kernelBackend, outputShape(x.shape, segmentIds.shape.length, numSegments), x.dtype, out);
  };
  return { kernelName: tf.UnsortedSegmentSum, backendName, kernelFunc };
}

/** Registers the JS kernel for `backendName`, replacing any registered one. */
export function registerUnsortedSegmentSum(backendName: 'wasm' | 'cpu'): void {
  if (tf.getKernel(tf.UnsortedSegmentSum, backendName)) tf.unregisterKernel(tf.UnsortedSegmentSum, backendName);
  tf.registerKernel(kernelConfig(backendName));
}
