import * as tf from '@tensorflow/tfjs-core';

/**
 * A faster BatchMatMul for tfjs-backend-wasm 4.22 when there are several matrices (attention's
 * [batch, heads, T, D] products). That backend's C++ kernel uses XNNPACK only for a single
 * untransposed product and a plain loop otherwise: about 2 GFLOP/s against 13-29 for one
 * matrix. This kernel runs one single-matrix product per batch entry through the same exported
 * `BatchMatMul` function, on views of the inputs' and the output's memory (tensor ids registered
 * with the module's `registerTensor` at offsets into the existing buffers, and unregistered
 * after; no copies). Transposed operands, broadcast batch dimensions and single products go to
 * the stock kernel. Same arithmetic per product as the stock fast path.
 *
 * It uses the backend's internals (`dataIdMap`, `wasm.tfjs.registerTensor`), which is why the
 * package pins tfjs-backend-wasm exactly; the matMul tests compare it with the cpu backend.
 */
interface WasmModule {
  cwrap(name: string, returns: null, args: string[]): (...args: unknown[]) => void;
  tfjs: { registerTensor(id: number, size: number, offset: number): void; disposeData(id: number): void };
}

interface WasmBackendInternals {
  wasm: WasmModule;
  dataIdMap: { get(dataId: object): { memoryOffset: number } };
  dataIdNextNumber: number;
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
}

const shapeBytes = (shape: number[]) => new Uint8Array(new Int32Array(shape).buffer);

export function registerWasmBatchMatMul(): void {
  const stock = tf.getKernel(tf.BatchMatMul, 'wasm');
  if (!stock) throw new Error('tfjs-backend-wasm has no BatchMatMul kernel to wrap');
  let product: ((...args: unknown[]) => void) | null = null;
  const kernelFunc: tf.KernelFunc = (args) => {
    const { a, b } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
    const { transposeA, transposeB } = args.attrs as unknown as { transposeA: boolean; transposeB: boolean };
    const batchA = a.shape.slice(0, -2).reduce((x, y) => x * y, 1);
    const batchB = b.shape.slice(0, -2).reduce((x, y) => x * y, 1);
    const sameBatch = a.shape.length === b.shape.length && a.shape.slice(0, -2).every((d, i) => d === b.shape[i]);
    const [m, k] = a.shape.slice(-2);
    const n = b.shape[b.shape.length - 1];
    if (transposeA || transposeB || batchA < 2 || batchA !== batchB || !sameBatch || m * k * n === 0 || a.dtype !== 'float32' || b.dtype !== 'float32') {
      return stock.kernelFunc(args);
    }
    const backend = args.backend as unknown as WasmBackendInternals;
    product ??= backend.wasm.cwrap('BatchMatMul', null, ['number', 'array', 'number', 'number', 'array', 'number', 'number', 'number', 'number']);
    const out = backend.makeOutput([...a.shape.slice(0, -2), m, n], 'float32');
    const offsets = [a, b, out].map((t) => backend.dataIdMap.get(t.dataId).memoryOffset);
    const aShape = shapeBytes([1, m, k]);
    const bShape = shapeBytes([1, k, n]);
    const sizes = [m * k, k * n, m * n];
    for (let i = 0; i < batchA; i++) {
      const ids = sizes.map((size, j) => {
        const id = backend.dataIdNextNumber++;
        backend.wasm.tfjs.registerTensor(id, size, offsets[j] + i * size * 4);
        return id;
      });
      product(ids[0], aShape, 3, ids[1], bShape, 3, false, false, ids[2]);
      ids.forEach((id) => backend.wasm.tfjs.disposeData(id));
    }
    return out;
  };
  tf.unregisterKernel(tf.BatchMatMul, 'wasm');
  tf.registerKernel({ kernelName: tf.BatchMatMul, backendName: 'wasm', kernelFunc });
}
