/** One prediction as stored in a predictions file (JSONL): the row's index and the completion text. */
export interface PredictionRecord {
  readonly benchmark: string;
  readonly index: string;
  /** The completion text; null when generation failed for this row (see `error`). */
  readonly prediction: string | null;
  readonly error?: string;
}

/** The JSONL line of a record (with its newline). */
export function predictionLine(record: PredictionRecord): string {
  const { benchmark, index, prediction, error } = record;
  return `${JSON.stringify(error === undefined ? { benchmark, index, prediction } : { benchmark, index, prediction, error })}\n`;
}
