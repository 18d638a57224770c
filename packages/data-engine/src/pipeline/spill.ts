import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBatch, sampleSchema, tableToIpcBytes, type SampleRow } from '@mixed-r1/records';

/** Where a spilled sample lies: file number and row within it. */
export interface SpillPlace {
  readonly file: number;
  readonly row: number;
}

const DEFAULT_ROWS_PER_FILE = 512;
const DEFAULT_BYTES_PER_FILE = 64 * 1024 * 1024;

/**
 * Temporary Arrow IPC files of `sample` rows, written as samples arrive so that image bytes do
 * not pile up in memory: at most `rowsPerFile` rows or `bytesPerFile` image bytes are held.
 */
export class SpillWriter {
  readonly files: string[] = [];
  private rows: SampleRow[] = [];
  private bytes = 0;

  constructor(
    private readonly folder: string,
    private readonly rowsPerFile = DEFAULT_ROWS_PER_FILE,
    private readonly bytesPerFile = DEFAULT_BYTES_PER_FILE,
  ) {
    mkdirSync(folder, { recursive: true });
  }

  add(row: SampleRow): SpillPlace {
    const place = { file: this.files.length, row: this.rows.length };
    this.rows.push(row);
    this.bytes += row.imageBytes?.length ?? 0;
    if (this.rows.length >= this.rowsPerFile || this.bytes >= this.bytesPerFile) this.flush();
    return place;
  }

  /** Writes what is held; call once after the last `add`. */
  finish(): void {
    if (this.rows.length > 0) this.flush();
  }

  private flush(): void {
    const path = join(this.folder, `spill-${String(this.files.length).padStart(5, '0')}.arrow`);
    writeFileSync(path, tableToIpcBytes(buildBatch(sampleSchema, this.rows), 'file'));
    this.files.push(path);
    this.rows = [];
    this.bytes = 0;
  }
}
