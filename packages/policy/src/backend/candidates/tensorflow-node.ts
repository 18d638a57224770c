import * as tf from '@tensorflow/tfjs-core';
import type { BackendName } from '../backend-name';
import { BackendUnavailable, importFailure, type BackendCandidate } from './backend-candidate';

/** tfjs-node and tfjs-node-gpu both register their libtensorflow backend under this name. */
const TFJS_NODE_BACKEND = 'tensorflow';

interface NodeBackendLike {
  isUsingGpuDevice?: boolean;
}

/**
 * Loads `packageName` (which registers the `tensorflow` backend with tfjs-core) and activates it.
 * `wantGpu`: the backend must report a CUDA device (`NodeJSKernelBackend.isUsingGpuDevice`). When
 * tfjs-node-gpu loaded but found no GPU, the `tensorflow` candidate then uses its CPU kernels.
 */
async function activateNode(name: BackendName, packageName: string, wantGpu: boolean): Promise<void> {
  // Both packages register the same backend name: once either is loaded, the other is not.
  if (!tf.findBackendFactory(TFJS_NODE_BACKEND)) {
    try {
      await import(packageName);
    } catch (error) {
      throw new BackendUnavailable(name, importFailure(packageName, error));
    }
  }
  if (!(await tf.setBackend(TFJS_NODE_BACKEND))) {
    throw new BackendUnavailable(name, `${packageName} loaded but its "${TFJS_NODE_BACKEND}" backend did not initialise`);
  }
  const usesGpu = (tf.backend() as NodeBackendLike).isUsingGpuDevice === true;
  if (wantGpu && !usesGpu) {
    throw new BackendUnavailable(name, `${packageName} loaded but libtensorflow sees no CUDA GPU`);
  }
}

export const tensorflowGpuCandidate: BackendCandidate = {
  name: 'tensorflow-gpu',
  description: '@tensorflow/tfjs-node-gpu (libtensorflow with CUDA)',
  activate: () => activateNode('tensorflow-gpu', '@tensorflow/tfjs-node-gpu', true),
};

export const tensorflowCandidate: BackendCandidate = {
  name: 'tensorflow',
  description: '@tensorflow/tfjs-node (libtensorflow on the CPU)',
  activate: () => activateNode('tensorflow', '@tensorflow/tfjs-node', false),
};
