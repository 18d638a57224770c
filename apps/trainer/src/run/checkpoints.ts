import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AdamWState } from '@mixed-r1/grpo';
import type { Policy } from '@mixed-r1/policy';
import { saveOptimizerState } from './optimizer-state-file';
import { OPTIMIZER_FILE, STATE_FILE, writeRunState, type RunState } from './run-state';

export const CHECKPOINTS_DIR = 'checkpoints';

export function checkpointDir(out: string, step: number): string {
  return join(out, CHECKPOINTS_DIR, `step-${String(step).padStart(6, '0')}`);
}

/**
 * Writes a resumable checkpoint: the policy in the Hugging Face layout, the optimizer moments,
 * what `writeExtras` adds (a command's own state, e.g. the perception head) and the run state.
 * Each file is written atomically and the state goes last, so a folder with a state file is
 * complete.
 */
export async function saveTrainingCheckpoint(
  out: string,
  policy: Policy,
  optimizer: { state(): AdamWState },
  state: RunState,
  writeExtras: (dir: string) => void = () => undefined,
): Promise<string> {
  const dir = checkpointDir(out, state.step);
  await policy.save(dir);
  saveOptimizerState(join(dir, OPTIMIZER_FILE), optimizer.state());
  writeExtras(dir);
  writeRunState(dir, state);
  return dir;
}

/** The newest complete checkpoint of a run folder (or the folder itself when it is one). */
export function latestCheckpoint(runOrCheckpoint: string): string {
  if (existsSync(join(runOrCheckpoint, STATE_FILE))) return runOrCheckpoint;
  const parent = join(runOrCheckpoint, CHECKPOINTS_DIR);
  const complete = existsSync(parent) ? readdirSync(parent).filter((name) => existsSync(join(parent, name, STATE_FILE))).sort() : [];
  if (complete.length === 0) throw new Error(`--resume ${runOrCheckpoint}: no complete checkpoint (a folder with ${STATE_FILE}) in it or in ${parent}`);
  return join(parent, complete[complete.length - 1]);
}
