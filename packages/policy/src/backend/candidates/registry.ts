import type { BackendName } from '../backend-name';
import type { BackendCandidate } from './backend-candidate';
import { cpuCandidate } from './cpu';
import { tensorflowCandidate, tensorflowGpuCandidate } from './tensorflow-node';
import { wasmCandidate } from './wasm';

/** Every tensor backend by name. */
export const BACKEND_CANDIDATES: Readonly<Record<BackendName, BackendCandidate>> = {
  'tensorflow-gpu': tensorflowGpuCandidate,
  tensorflow: tensorflowCandidate,
  wasm: wasmCandidate,
  cpu: cpuCandidate,
};

/** The order `auto` tries them in (SPEC.md section 6): fastest first. */
export const AUTO_ORDER: readonly BackendName[] = ['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'];
