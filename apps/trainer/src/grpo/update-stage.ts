import type { Table } from 'apache-arrow';
import { advantageSchema, rolloutSchema, rowsFromBatch, type RolloutRow } from '@mixed-r1/records';
import { trainingBatch, type GrpoOptimizer, type SkippedGroup, type StepResult } from '@mixed-r1/grpo';

/** Update stage: joins rollouts with their advantages and takes the mu optimizer steps. */
export function updatePolicy(optimizer: GrpoOptimizer<RolloutRow>, rollouts: Table, advantages: Table, skipped: readonly SkippedGroup[]): StepResult {
  const sequences = rowsFromBatch(rolloutSchema, rollouts);
  const batch = trainingBatch(sequences, { rows: rowsFromBatch(advantageSchema, advantages), skipped });
  return optimizer.step(batch);
}
