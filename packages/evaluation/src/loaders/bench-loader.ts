import type { LoadedBench } from '../bench/bench-row';
import type { TaskMap } from '../bench/task-map';

export interface LoadOptions {
  /** The benchmark's name; default: the file name without its extension. */
  readonly name?: string;
  /** Per-benchmark task overrides (`--task-map`). */
  readonly taskMap?: TaskMap;
  /** Folder that relative image paths are read from; default: the benchmark file's folder. */
  readonly imageRoot?: string;
}

/**
 * One benchmark file format. `load` reads every row it can and reports every row it cannot (row
 * number and reason) in `issues`; it throws only when the file as a whole cannot be read (missing,
 * no header, a required column absent).
 */
export interface BenchLoader {
  readonly name: string;
  readonly description: string;
  /** File name endings this loader reads, lower case (".tsv"). */
  readonly extensions: readonly string[];
  load(file: string, options?: LoadOptions): Promise<LoadedBench>;
}

/** A benchmark file that cannot be read at all: names the file and what is wrong. */
export class BenchFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'BenchFileError';
  }
}
