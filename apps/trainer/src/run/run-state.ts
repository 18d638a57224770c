import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from '@mixed-r1/policy';

/** Where a run stands: enough to continue it exactly (with the checkpoint and optimizer files). */
export interface RunState {
  readonly kind: 'sft' | 'grpo' | 'perception';
  /** Optimizer steps done. */
  readonly step: number;
  /** The sampling generator's state after `step` steps (GRPO), as four uint32 values. */
  readonly rngState: readonly number[] | null;
  /** The config the run was started with, to refuse resuming a different run. */
  readonly configDigest: string;
}

export const STATE_FILE = 'trainer_state.json';
export const OPTIMIZER_FILE = 'optimizer.safetensors';

export function writeRunState(dir: string, state: RunState): void {
  writeFileAtomically(join(dir, STATE_FILE), JSON.stringify(state, null, 2) + '\n');
}

export function readRunState(dir: string): RunState {
  const file = join(dir, STATE_FILE);
  if (!existsSync(file)) throw new Error(`--resume: ${dir} holds no ${STATE_FILE}; it is not a checkpoint of this trainer`);
  return JSON.parse(readFileSync(file, 'utf8')) as RunState;
}
