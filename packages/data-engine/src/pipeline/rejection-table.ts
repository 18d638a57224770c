import type { Rejection, RejectionStage } from '../candidate';
import { readFlatTable, writeFlatTable, type FlatSchema } from './flat-table';

export const REJECTION_STAGES: readonly RejectionStage[] = ['read', 'normalise', 'validate', 'deduplicate', 'difficulty', 'quota'];

/**
 * `rejected.arrow`: every input that is not in the output, with the stage that turned it away and
 * why. Columns: source, input_ref, sample_id (null when the input never had one), stage, reason.
 */
export const rejectionSchema: FlatSchema<Rejection> = {
  name: 'rejection',
  version: 1,
  columns: [
    { name: 'source', field: 'source', kind: 'utf8' },
    { name: 'input_ref', field: 'inputRef', kind: 'utf8' },
    { name: 'sample_id', field: 'sampleId', kind: 'utf8', nullable: true },
    {
      name: 'stage',
      field: 'stage',
      kind: 'utf8',
      rule: { expected: `a stage (one of ${REJECTION_STAGES.join(', ')})`, holds: (value: string) => (REJECTION_STAGES as readonly string[]).includes(value) },
    },
    { name: 'reason', field: 'reason', kind: 'utf8', rule: { expected: 'a non-empty reason', holds: (value: string) => value !== '' } },
  ],
};

export function writeRejections(path: string, rejections: readonly Rejection[]): void {
  writeFlatTable(path, rejectionSchema, rejections.map(({ source, inputRef, sampleId, stage, reason }) => ({ source, inputRef, sampleId, stage, reason })));
}

export function readRejections(path: string): Rejection[] {
  return readFlatTable(path, rejectionSchema);
}
