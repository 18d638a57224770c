import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { registerUnsortedSegmentSum } from '../unsorted-segment-sum';
import { BackendUnavailable, type BackendCandidate } from './backend-candidate';

/**
 * The cpu backend prints a banner recommending tfjs-node on first use; selectBackend already says
 * why tfjs-node was not taken, so the banner is switched off (its `firstUse` flag).
 */
export function quietCpuBackend(): void {
  (tf.findBackend('cpu') as unknown as { firstUse?: boolean }).firstUse = false;
}

/** The pure-JS cpu backend: always there, 25-30x slower than wasm on matMul. */
export const cpuCandidate: BackendCandidate = {
  name: 'cpu',
  description: '@tensorflow/tfjs-backend-cpu (pure JavaScript)',
  async activate() {
    if (!(await tf.setBackend('cpu'))) throw new BackendUnavailable('cpu', 'the cpu backend did not initialise');
    quietCpuBackend();
    // Its own kernel builds one mask per segment: seconds for an embedding gradient.
    registerUnsortedSegmentSum('cpu');
  },
};
