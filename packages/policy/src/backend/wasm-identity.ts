import * as tf from '@tensorflow/tfjs-core';

/**
 * Identity (tf.clone, and the copies tfjs makes of every tensor a gradient saves) without copying
 * on tfjs-backend-wasm: the output shares the input's data and counts one more reference, as the
 * wasm Reshape kernel and the cpu backend's Identity do. Tensor data is never written in place, so
 * sharing is safe; the stock wasm kernel copies the buffer (hundreds of copies per training step).
 */
export function registerWasmIdentity(): void {
  const stock = tf.getKernel(tf.Identity, 'wasm');
  if (!stock) throw new Error('tfjs-backend-wasm has no Identity kernel to replace');
  const kernelFunc: tf.KernelFunc = (args) => {
    const { x } = args.inputs as { x: tf.TensorInfo };
    if (x.dtype === 'string') return stock.kernelFunc(args);
    (args.backend as tf.KernelBackend).incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  };
  tf.unregisterKernel(tf.Identity, 'wasm');
  tf.registerKernel({ kernelName: tf.Identity, backendName: 'wasm', kernelFunc });
}
