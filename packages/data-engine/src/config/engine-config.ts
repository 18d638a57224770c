import { TASK_TYPES, type TaskType } from '@mixed-r1/records';
import type { SourceConfig } from '../source-adapter';

/** Which procedural generators run, how many candidates each, and their seed. */
export interface ProceduralSettings {
  /** Seed of the generators; null: the build's `seed`. */
  readonly seed: number | null;
  /** Generator names from the procedural registry, or ["all"] for every Mixed-45K generator (a drill only when `only` names it); [] for none. */
  readonly generators: readonly string[];
  /** Candidates per task type, split evenly over that task's generators (a margin over the quota: dedup drops a few). */
  readonly candidatesPerTask: number;
  /** Candidates of single generators, overriding the even split. */
  readonly candidates: Readonly<Record<string, number>>;
}

/** How many samples of each task type and of each source the output may hold. */
export interface QuotaSettings {
  readonly perTask: Readonly<Record<TaskType, number>>;
  /** Caps of single sources (by source name, the `source` column); a source without one is uncapped. */
  readonly perSource: Readonly<Record<string, number>>;
}

/** Bounds every sample must meet to be valid. */
export interface LimitSettings {
  /** Shortest image side, in pixels (Qwen2.5-VL's factor: 28). */
  readonly minSide: number;
  /** Longest image side, in pixels. */
  readonly maxSide: number;
  /** Longest side over shortest side (Qwen2.5-VL refuses more than 200). */
  readonly maxAspectRatio: number;
  /** Largest width * height; also given to the decoder so that decompression bombs stop early. */
  readonly maxPixels: number;
  /** Longest chart answer, in characters. */
  readonly maxChartAnswerChars: number;
}

/** The optional difficulty filter: keep samples the policy solves sometimes, not always, not never. */
export interface DifficultySettings {
  /** Arrow IPC file of the `pass_rate` schema (sample_id, pass_rate, k); null: no filter. */
  readonly passRates: string | null;
  /** What to do with a sample the file does not list. */
  readonly missing: 'keep' | 'reject';
}

/** The held-out benchmark split, made by the procedural generators with another seed. */
export interface BenchSettings {
  readonly enabled: boolean;
  /** Samples per task type. */
  readonly perTask: number;
  /** Added to the procedural seed to give the benchmark's seed. */
  readonly seedOffset: number;
  /** The VLMEvalKit TSV file to write. */
  readonly out: string;
}

/** The data engine's whole configuration: defaults < config file < command line, frozen. */
export interface EngineConfig {
  /** Seed of the quota choice and the output order. */
  readonly seed: number;
  /** Output folder: shards, manifest.json, rejected.arrow, stats.md, stats.html. */
  readonly out: string;
  readonly sources: readonly SourceConfig[];
  readonly procedural: ProceduralSettings;
  /** Names of the sources and generators to use ("procedural": every Mixed-45K generator; a drill only when named); null: all of them but the drills. */
  readonly only: readonly string[] | null;
  /** At most this many inputs in all, split evenly over the sources and generators (a quick look); null: no limit. */
  readonly limit: number | null;
  readonly quotas: QuotaSettings;
  readonly limits: LimitSettings;
  readonly difficulty: DifficultySettings;
  /** Rows per output shard. */
  readonly shardSize: number;
  /** Worker threads for decoding, validating and hashing (and generating); 1: in this thread; "auto": one per core. */
  readonly workers: number | 'auto';
  readonly bench: BenchSettings;
}

/** The paper's exact mix is not public: an even split of 45,000 over the five task types is our choice. */
export const DEFAULT_TASK_QUOTA = 9000;

export const DEFAULT_ENGINE_CONFIG: EngineConfig = {
  seed: 20250530,
  out: 'data/mixed-45k',
  sources: [],
  procedural: { seed: null, generators: ['all'], candidatesPerTask: 9300, candidates: {} },
  only: null,
  limit: null,
  quotas: {
    perTask: Object.fromEntries(TASK_TYPES.map((task) => [task, DEFAULT_TASK_QUOTA])) as Record<TaskType, number>,
    perSource: {},
  },
  limits: { minSide: 28, maxSide: 4096, maxAspectRatio: 200, maxPixels: 4096 * 4096, maxChartAnswerChars: 64 },
  difficulty: { passRates: null, missing: 'keep' },
  shardSize: 1500,
  workers: 'auto',
  bench: { enabled: true, perTask: 100, seedOffset: 1_000_003, out: 'data/bench/mixed-bench.tsv' },
};
