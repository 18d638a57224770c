import type { SourceItem } from './candidate';

/** A source of the data engine's config: which adapter reads which files. */
export interface SourceConfig {
  /** Unique name; becomes the `source` column and prefixes sample ids. */
  readonly name: string;
  /** Adapter name from the registry (e.g. "llava", "chartqa", "refcoco"). */
  readonly adapter: string;
  /** The annotation file (or folder) the adapter reads. */
  readonly path: string;
  /** Folder that image paths are relative to; images must stay inside it. Default: the folder of `path`. */
  readonly imageRoot?: string;
  /** Adapter-specific settings (documented per adapter). */
  readonly options?: Readonly<Record<string, unknown>>;
}

/**
 * Reads one on-disk format into candidate samples (SPEC.md section 5). Streaming: it yields as it
 * reads. An input it cannot turn into a sample is yielded as a rejection with its reason, never
 * skipped silently; only an unreadable annotation file throws (naming the file).
 */
export interface SourceAdapter {
  readonly name: string;
  /** One line: the format and where it comes from. */
  readonly description: string;
  read(source: SourceConfig): AsyncIterable<SourceItem>;
}
