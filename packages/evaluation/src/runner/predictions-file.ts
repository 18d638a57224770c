import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs';
import path from 'node:path';
import { predictionLine, type PredictionRecord } from './prediction-record';

/** What a resumable predictions file held when it was opened. */
export interface ExistingPredictions {
  readonly records: Map<string, PredictionRecord>;
  /** Bytes of an incomplete last line (a run killed mid-write) that were cut off, or 0. */
  readonly truncatedBytes: number;
}

function parseLine(line: string, file: string, lineNumber: number, benchmark: string): PredictionRecord {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new Error(`${file}:${lineNumber}: not valid JSON (${(error as Error).message}); the file is damaged: remove that line to resume, or the file to start over`);
  }
  const record = value as Partial<PredictionRecord>;
  const validIndex = typeof record?.index === 'string' || typeof record?.index === 'number';
  if (!validIndex || !(typeof record.prediction === 'string' || record.prediction === null)) {
    throw new Error(`${file}:${lineNumber}: expected {"index", "prediction"}, found ${line.slice(0, 120)}`);
  }
  const base = { benchmark: typeof record.benchmark === 'string' ? record.benchmark : benchmark, index: String(record.index), prediction: record.prediction };
  return typeof record.error === 'string' ? { ...base, error: record.error } : base;
}

/**
 * Reads the predictions a previous run appended. A last line without its newline is what a killed
 * run left half-written: it is cut off (the file stays valid JSONL) and the row is done again. A
 * damaged complete line is an error that names it.
 */
export function readExistingPredictions(file: string, benchmark: string): ExistingPredictions {
  const records = new Map<string, PredictionRecord>();
  if (!existsSync(file)) return { records, truncatedBytes: 0 };
  const bytes = readFileSync(file);
  const end = bytes.lastIndexOf(0x0a) + 1;
  const truncatedBytes = bytes.length - end;
  if (truncatedBytes > 0) truncateSync(file, end);
  const lines = bytes.subarray(0, end).toString('utf8').split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const record = parseLine(line, file, i + 1, benchmark);
    records.set(record.index, record);
  });
  return { records, truncatedBytes };
}

/** An append-only predictions file: each batch is written and flushed to disk before the next starts. */
export class PredictionsWriter {
  private readonly fd: number;

  constructor(readonly file: string) {
    mkdirSync(path.dirname(file), { recursive: true });
    this.fd = openSync(file, 'a');
  }

  append(records: readonly PredictionRecord[]): void {
    if (records.length === 0) return;
    writeSync(this.fd, records.map(predictionLine).join(''));
    fsyncSync(this.fd);
  }

  close(): void {
    closeSync(this.fd);
  }
}
