import { SCHEMA_VERSION, type TaskType } from '@mixed-r1/records';
import type { RejectionStage } from '../candidate';
import type { BenchTaskCount } from '../bench-split/build-bench';
import type { EngineConfig } from '../config/engine-config';
import type { DedupSummary } from '../pipeline/dedup';
import type { DifficultyCounts } from '../pipeline/pass-rates';
import type { QuotaUsage } from '../pipeline/quotas';
import type { WrittenShard } from '../pipeline/write-shards';

/** An input of the build and its checksum: a source's annotation file, or a generator and its seed. */
export type ManifestInput =
  | { readonly kind: 'source'; readonly name: string; readonly adapter: string; readonly path: string; readonly sha256: string; readonly checksumOf: 'file' | 'listing'; readonly inputs: number }
  | { readonly kind: 'procedural'; readonly name: string; readonly task: TaskType; readonly seed: number; readonly candidates: number };

export interface SplitCounts {
  /** Inputs read (candidates generated or source items). */
  readonly inputs: number;
  /** Samples written. */
  readonly output: number;
  /** Inputs in rejected.arrow. */
  readonly rejected: number;
}

export interface BenchManifest {
  readonly file: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly seed: number;
  readonly perTask: Readonly<Record<TaskType, BenchTaskCount>>;
}

/** manifest.json: what was built, from what, with which settings, and what was turned away. */
export interface Manifest {
  readonly schema: { readonly name: 'sample'; readonly version: number };
  readonly seed: number;
  readonly proceduralSeed: number;
  readonly counts: {
    readonly train: SplitCounts;
    readonly bench: SplitCounts | null;
    readonly bySplit: { readonly train: number; readonly bench: number };
    readonly byTask: Readonly<Record<TaskType, number>>;
    readonly bySource: Readonly<Record<string, number>>;
    readonly rejectedByStage: Readonly<Record<RejectionStage, number>>;
  };
  readonly shards: readonly WrittenShard[];
  readonly inputs: readonly ManifestInput[];
  readonly dedup: DedupSummary;
  readonly difficulty: (DifficultyCounts & { readonly file: string; readonly missing: 'keep' | 'reject' }) | null;
  readonly quotas: { readonly perTask: Readonly<Record<string, QuotaUsage>>; readonly perSource: Readonly<Record<string, QuotaUsage>> };
  readonly bench: BenchManifest | null;
  readonly config: EngineConfig;
  readonly timings: Readonly<Record<string, number>> & { readonly totalSeconds: number };
  readonly threads: number;
  readonly peakRssBytes: number;
}

/** Counts of `keys` over `values`, every key present (0 when absent). */
export function countByKey<K extends string>(keys: readonly K[], values: Iterable<K>): Record<K, number> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

/** Counts of each value, keys sorted. */
export function countSorted(values: Iterable<string>): Record<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export const SAMPLE_SCHEMA = { name: 'sample', version: SCHEMA_VERSION } as const;
