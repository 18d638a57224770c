import { advantageSchema, buildBatch, rewardSchema, rowsFromBatch } from '@mixed-r1/records';
import { computeAdvantages, type AdvantageSettings, type AdvantageStats } from './compute-advantages';
import type { SkippedGroup } from '../guards/non-finite-error';

/** A records batch (an Arrow table, as the records package builds and reads them). */
export type RecordTable = ReturnType<typeof buildBatch>;

export interface AdvantageBatch {
  /** The records `advantage` batch (validated). */
  readonly batch: RecordTable;
  readonly stats: AdvantageStats;
  readonly skipped: readonly SkippedGroup[];
}

/** The stage function: a records `reward` batch in, the `advantage` batch out (computeAdvantages on its rows). */
export function advantageBatch(rewards: RecordTable, settings: AdvantageSettings): AdvantageBatch {
  const result = computeAdvantages(rowsFromBatch(rewardSchema, rewards), settings);
  return { batch: buildBatch(advantageSchema, result.rows), stats: result.stats, skipped: result.skipped };
}
