import { readFlatTable, writeFlatTable, type FlatSchema } from './flat-table';

/** One sample's pass rate over k rollouts of the policy (written by the trainer). */
export interface PassRateRow {
  readonly sampleId: string;
  /** Fraction of the k rollouts that were right, in [0, 1]. */
  readonly passRate: number;
  readonly k: number;
}

/** The difficulty filter's input: sample_id Utf8, pass_rate Float32 in [0, 1], k Int32 > 0. */
export const passRateSchema: FlatSchema<PassRateRow> = {
  name: 'pass_rate',
  version: 1,
  columns: [
    { name: 'sample_id', field: 'sampleId', kind: 'utf8' },
    { name: 'pass_rate', field: 'passRate', kind: 'float32', rule: { expected: 'a number from 0 to 1', holds: (value: number) => value >= 0 && value <= 1 } },
    { name: 'k', field: 'k', kind: 'int32', rule: { expected: 'a whole number > 0', holds: (value: number) => value > 0 } },
  ],
};

export function writePassRates(path: string, rows: readonly PassRateRow[]): void {
  writeFlatTable(path, passRateSchema, rows);
}

export function readPassRates(path: string): PassRateRow[] {
  return readFlatTable(path, passRateSchema);
}

export interface DifficultyCounts {
  readonly listed: number;
  kept: number;
  tooHard: number;
  tooEasy: number;
  missingKept: number;
  missingRejected: number;
}

/**
 * Keeps samples whose pass rate is strictly between 0 and 1, the only ones whose GRPO group
 * rewards differ and so give a learning signal. A sample the file does not list is kept or
 * rejected as `missing` says.
 */
export class DifficultyFilter {
  readonly counts: DifficultyCounts;
  private readonly rates = new Map<string, PassRateRow>();

  constructor(
    rows: readonly PassRateRow[],
    private readonly missing: 'keep' | 'reject',
    private readonly origin: string,
  ) {
    for (const row of rows) {
      if (this.rates.has(row.sampleId)) throw new TypeError(`${origin}: sample "${row.sampleId}" is listed twice`);
      this.rates.set(row.sampleId, row);
    }
    this.counts = { listed: rows.length, kept: 0, tooHard: 0, tooEasy: 0, missingKept: 0, missingRejected: 0 };
  }

  static fromFile(path: string, missing: 'keep' | 'reject'): DifficultyFilter {
    return new DifficultyFilter(readPassRates(path), missing, path);
  }

  /** Why the sample is turned away, or undefined when it stays. */
  check(sampleId: string): string | undefined {
    const row = this.rates.get(sampleId);
    if (row === undefined) {
      if (this.missing === 'keep') {
        this.counts.missingKept++;
        return undefined;
      }
      this.counts.missingRejected++;
      return `no pass rate: ${this.origin} does not list the sample (difficulty.missing is "reject")`;
    }
    if (row.passRate <= 0) {
      this.counts.tooHard++;
      return `too hard: pass rate 0 over k=${row.k} rollouts`;
    }
    if (row.passRate >= 1) {
      this.counts.tooEasy++;
      return `too easy: pass rate 1 over k=${row.k} rollouts`;
    }
    this.counts.kept++;
    return undefined;
  }
}
