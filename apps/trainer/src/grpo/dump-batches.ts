import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Table } from 'apache-arrow';
import { writeIpcFile } from '@mixed-r1/records';

/** The Arrow batches one GRPO step handed between its stages. */
export interface StepBatches {
  readonly samples: Table;
  readonly rollouts: Table;
  readonly rewards: Table;
  readonly advantages: Table;
}

export const BATCH_FILES = { samples: 'sample.arrow', rollouts: 'rollout.arrow', rewards: 'reward.arrow', advantages: 'advantage.arrow' } as const;

export function stepDumpDir(dir: string, step: number): string {
  return join(dir, `step-${String(step).padStart(6, '0')}`);
}

/** Writes every batch of a step as an Arrow IPC file (records schemas), for replay and inspection. */
export function dumpStepBatches(dir: string, step: number, batches: StepBatches): string {
  const stepDir = stepDumpDir(dir, step);
  mkdirSync(stepDir, { recursive: true });
  for (const [name, file] of Object.entries(BATCH_FILES)) writeIpcFile(join(stepDir, file), batches[name as keyof StepBatches]);
  return stepDir;
}
