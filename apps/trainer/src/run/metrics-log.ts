import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type MetricsRecord = { readonly step: number } & Readonly<Record<string, number | string | null>>;

/** Metrics as JSON lines, one per logged step, appended as they come. */
export class MetricsLog {
  constructor(readonly file: string) {
    mkdirSync(dirname(file), { recursive: true });
  }

  /** Starts a fresh log, or, resuming after `step`, keeps only the lines up to it. */
  startAt(step: number): void {
    const kept = step === 0 || !existsSync(this.file) ? [] : this.read().filter((record) => record.step <= step);
    writeFileSync(this.file, kept.map((record) => JSON.stringify(record) + '\n').join(''));
  }

  append(record: MetricsRecord): void {
    appendFileSync(this.file, JSON.stringify(record) + '\n');
  }

  read(): MetricsRecord[] {
    if (!existsSync(this.file)) return [];
    return readFileSync(this.file, 'utf8')
      .split('\n')
      .filter((line) => line.trim().length > 0)
      .map((line) => JSON.parse(line) as MetricsRecord);
  }
}
