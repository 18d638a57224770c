import type { AdvantageRow } from '@mixed-r1/records';
import type { SkippedGroup } from '../guards/non-finite-error';
import type { CompletionSequence } from '../train/log-prob-policy';

/** One generation batch ready for the update: the sequences and their advantages, in the same order. */
export interface TrainingBatch<S extends CompletionSequence = CompletionSequence> {
  readonly sequences: readonly S[];
  /** advantages[i] belongs to sequences[i]. */
  readonly advantages: readonly number[];
  /** Groups left out before the update (e.g. by the advantage stage), counted in the step's metrics. */
  readonly skipped: readonly SkippedGroup[];
}

/** The advantage stage's output the join needs (computeAdvantages' result has it). */
export interface AdvantagesInput {
  readonly rows: readonly AdvantageRow[];
  readonly skipped?: readonly SkippedGroup[];
}

const key = (sampleId: string, groupIndex: number) => `${groupIndex}\u0000${sampleId}`;

/**
 * Joins rollouts with their advantage rows by (sample_id, group_index). Every advantage row needs
 * its rollout and every rollout its advantage row, except the rollouts of skipped groups, which
 * are left out. Errors name the sample and the completion.
 */
export function trainingBatch<S extends CompletionSequence>(sequences: readonly S[], advantages: AdvantagesInput): TrainingBatch<S> {
  const skipped = advantages.skipped ?? [];
  const skippedIds = new Set(skipped.map((s) => s.sampleId));
  const byKey = new Map<string, number>();
  for (const row of advantages.rows) {
    const k = key(row.sampleId, row.groupIndex);
    if (byKey.has(k)) throw new TypeError(`trainingBatch: two advantage rows for sample "${row.sampleId}" group_index ${row.groupIndex}`);
    byKey.set(k, row.advantage);
  }
  const kept: S[] = [];
  const values: number[] = [];
  const used = new Set<string>();
  for (const sequence of sequences) {
    if (skippedIds.has(sequence.sampleId)) continue;
    const k = key(sequence.sampleId, sequence.groupIndex);
    const advantage = byKey.get(k);
    if (advantage === undefined) {
      throw new TypeError(`trainingBatch: rollout of sample "${sequence.sampleId}" group_index ${sequence.groupIndex} has no advantage row; compute advantages for every scored group`);
    }
    if (used.has(k)) throw new TypeError(`trainingBatch: two rollouts for sample "${sequence.sampleId}" group_index ${sequence.groupIndex}`);
    used.add(k);
    kept.push(sequence);
    values.push(advantage);
  }
  const orphan = advantages.rows.find((row) => !used.has(key(row.sampleId, row.groupIndex)));
  if (orphan) throw new TypeError(`trainingBatch: advantage row of sample "${orphan.sampleId}" group_index ${orphan.groupIndex} has no rollout`);
  return { sequences: kept, advantages: values, skipped };
}
