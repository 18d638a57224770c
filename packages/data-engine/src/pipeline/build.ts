import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { TASK_TYPES } from '@mixed-r1/records';
import { buildBenchSplit, type BenchSplit } from '../bench-split/build-bench';
import { writeBenchTsv } from '../bench-split/vlmevalkit-tsv';
import type { Rejection } from '../candidate';
import { ConfigError } from '../config/checks';
import type { EngineConfig } from '../config/engine-config';
import { countByKey, countSorted, SAMPLE_SCHEMA, type BenchManifest, type Manifest, type ManifestInput } from '../report/manifest';
import { writeStats } from '../report/write-stats';
import { inputChecksum } from './checksums';
import { Deduplicator } from './dedup';
import { jobDepsOf, type EngineDeps } from './engine-deps';
import { inputItems, inputName, planInputs, plannedTotal, type PlannedInput } from './inputs';
import { DifficultyFilter } from './pass-rates';
import { progressBars } from './progress';
import { chooseWithinQuotas } from './quotas';
import { REJECTION_STAGES, writeRejections } from './rejection-table';
import { inProcessRunner, type JobRunner } from './runner';
import { deriveSeed, seededShuffle } from './seeded-order';
import { SpillWriter } from './spill';
import { streamInputs, type NumberedRejection, type SampleMeta } from './stream-stage';
import { WorkerPool } from './worker-pool';
import { writeOutputShards } from './write-shards';

export interface BuildOptions {
  readonly config: EngineConfig;
  /** Adapters, generators and decoder; default: the registered ones and the vision package's decoder. Worker threads always use the defaults, so custom deps need `workers: 1`. */
  readonly deps?: EngineDeps;
  /** Progress bars on stderr. Default true. */
  readonly progress?: boolean;
  /** Lines of the summary; default: none. */
  readonly log?: (line: string) => void;
}

export interface BuildResult {
  readonly outDir: string;
  readonly manifest: Manifest;
}

/** Files of a previous build that a new build replaces. */
const OUTPUT_FILES = /^(shard-\d{5}\.arrow|manifest\.json|rejected\.arrow|stats\.md|stats\.html)$/;
/** Jobs in flight per worker thread: enough to keep each busy while results wait for their turn. */
const JOBS_PER_THREAD = 16;

/**
 * Builds the mixed dataset (SPEC.md section 5): normalise -> validate -> deduplicate -> difficulty
 * filter -> quotas -> seeded shuffle -> write, then the held-out benchmark. Writes into
 * `config.out`: shard-NNNNN.arrow, manifest.json, rejected.arrow, stats.md, stats.html; and the
 * benchmark TSV to `config.bench.out`. The same config and deps give byte-identical shards.
 */
export async function buildMixed(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const timings: Record<string, number> = {};
  const lap = (name: string, since: number) => (timings[name] = round((performance.now() - since) / 1000));
  const { config } = options;
  const deps = options.deps ?? (await import('./default-deps')).defaultEngineDeps();
  const threads = config.workers === 'auto' ? Math.max(1, availableParallelism()) : config.workers;
  if (options.deps && threads > 1) throw new ConfigError(`config: workers: ${threads} worker threads use the registered adapters, generators and decoder; with custom ones set workers to 1`);
  const inputs = planInputs(config, deps);
  const difficulty = config.difficulty.passRates === null ? null : DifficultyFilter.fromFile(config.difficulty.passRates, config.difficulty.missing);
  const progress = progressBars(options.progress ?? true);
  const outDir = resolve(config.out);
  prepareOutDir(outDir);
  const workDir = mkdtempSync(join(outDir, '.work-'));
  const runner: JobRunner = threads > 1 ? WorkerPool.start(threads, config.limits) : inProcessRunner(jobDepsOf(deps, config.limits));
  const window = Math.max(8, runner.threads * JOBS_PER_THREAD);
  try {
    let since = performance.now();
    const dedup = new Deduplicator();
    const spill = new SpillWriter(join(workDir, 'spill'));
    const streamed = await streamInputs(inputItems(inputs), {
      runner,
      spill,
      dedup,
      difficulty,
      progress: progress('reading + validating', plannedTotal(inputs)),
      window,
    });
    lap('readValidateSeconds', since);

    since = performance.now();
    const choice = chooseWithinQuotas(streamed.samples, config.quotas, deriveSeed(config.seed, 'quota'));
    const ordered = seededShuffle(choice.kept, deriveSeed(config.seed, 'order'));
    const quotaRejections: NumberedRejection[] = choice.overQuota.map(({ item, reason }) => ({ seq: item.seq, source: item.source, inputRef: item.inputRef, sampleId: item.id, stage: 'quota', reason }));
    lap('selectSeconds', since);

    since = performance.now();
    const shards = writeOutputShards({
      spillFiles: spill.files,
      order: { positionOf: new Map(ordered.map((sample, position) => [sample.id, position])), shardSize: config.shardSize },
      outDir,
      workDir: join(workDir, 'buckets'),
      progress,
    });
    lap('writeSeconds', since);

    since = performance.now();
    const bench = config.bench.enabled ? await buildBench(config, deps, ordered, runner, window, streamed.inputs, progress) : null;
    lap('benchSeconds', since);

    const rejections = [...streamed.rejections, ...quotaRejections].sort((a, b) => a.seq - b.seq);
    const allRejections: Rejection[] = [...rejections, ...(bench?.split.rejections ?? [])].map(withoutSeq);
    writeRejections(join(outDir, 'rejected.arrow'), allRejections);

    const manifest: Manifest = {
      schema: SAMPLE_SCHEMA,
      seed: config.seed,
      proceduralSeed: config.procedural.seed ?? config.seed,
      counts: {
        train: { inputs: streamed.inputs, output: ordered.length, rejected: rejections.length },
        bench: bench ? { inputs: bench.split.inputs, output: bench.split.rows.length, rejected: bench.split.rejections.length } : null,
        bySplit: { train: ordered.length, bench: bench?.split.rows.length ?? 0 },
        byTask: countByKey(TASK_TYPES, ordered.map((sample) => sample.task)),
        bySource: countSorted(ordered.map((sample) => sample.source)),
        rejectedByStage: countByKey(REJECTION_STAGES, allRejections.map((rejection) => rejection.stage)),
      },
      shards,
      inputs: await manifestInputs(inputs, streamed.rejections, streamed.samples),
      dedup: dedup.summary(),
      difficulty: difficulty && config.difficulty.passRates ? { file: config.difficulty.passRates, missing: config.difficulty.missing, ...difficulty.counts } : null,
      quotas: { perTask: Object.fromEntries(TASK_TYPES.map((task) => [task, choice.perTask[task] ?? { quota: config.quotas.perTask[task], available: 0, kept: 0 }])), perSource: choice.perSource },
      bench: bench?.manifest ?? null,
      config,
      timings: { ...timings, totalSeconds: round((performance.now() - started) / 1000) },
      threads: runner.threads,
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
    };
    writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    writeStats(outDir, { manifest, samples: ordered, rejections: allRejections });
    summarise(manifest, options.log);
    return { outDir, manifest };
  } finally {
    await runner.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

function prepareOutDir(outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  for (const name of readdirSync(outDir)) if (OUTPUT_FILES.test(name)) rmSync(join(outDir, name));
}

async function buildBench(
  config: EngineConfig,
  deps: EngineDeps,
  training: readonly SampleMeta[],
  runner: JobRunner,
  window: number,
  firstSeq: number,
  progress: ReturnType<typeof progressBars>,
): Promise<{ split: BenchSplit; manifest: BenchManifest }> {
  // The benchmark uses every configured generator, whatever `only` and `limit` select, so it does not change with them.
  const generators = planInputs({ ...config, only: null, limit: null }, deps).flatMap((input) => (input.kind === 'procedural' ? [input.generator] : []));
  const seed = ((config.procedural.seed ?? config.seed) + config.bench.seedOffset) >>> 0;
  const split = await buildBenchSplit({
    generators,
    seed,
    perTask: config.bench.perTask,
    trainingHashes: new Set(training.map((sample) => sample.hash)),
    runner,
    window,
    firstSeq,
    progress: progress('benchmark split', config.bench.perTask * new Set(generators.map((generator) => generator.task)).size),
  });
  const file = resolve(config.bench.out);
  const bytes = writeBenchTsv(file, split.rows);
  const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
  return { split, manifest: { file: config.bench.out, bytes, sha256, seed, perTask: split.perTask } };
}

async function manifestInputs(inputs: readonly PlannedInput[], rejections: readonly NumberedRejection[], samples: readonly SampleMeta[]): Promise<ManifestInput[]> {
  const result: ManifestInput[] = [];
  const inputsBySource = countSorted([...rejections.map((rejection) => rejection.source), ...samples.map((sample) => sample.source)]);
  for (const input of inputs) {
    if (input.kind === 'procedural') {
      result.push({ kind: 'procedural', name: input.generator.name, task: input.generator.task, seed: input.seed, candidates: input.count });
    } else {
      const checksum = await inputChecksum(input.source.path);
      const name = inputName(input);
      result.push({ kind: 'source', name, adapter: input.source.adapter, path: input.source.path, sha256: checksum.sha256, checksumOf: checksum.of, inputs: inputsBySource[name] ?? 0 });
    }
  }
  return result;
}

function summarise(manifest: Manifest, log: ((line: string) => void) | undefined): void {
  if (!log) return;
  const { counts } = manifest;
  log(`${counts.train.output} samples in ${manifest.shards.length} shard${manifest.shards.length === 1 ? '' : 's'}; ${counts.train.rejected} of ${counts.train.inputs} inputs rejected`);
  log(`  by task: ${TASK_TYPES.map((task) => `${task} ${counts.byTask[task]}`).join(', ')}`);
  log(`  rejected by stage: ${Object.entries(counts.rejectedByStage).filter(([, n]) => n > 0).map(([stage, n]) => `${stage} ${n}`).join(', ') || 'none'}`);
  // with a limit the quotas are not meant to be met
  const short = manifest.config.limit !== null ? [] : Object.entries(manifest.quotas.perTask).filter(([, usage]) => usage.quota !== null && usage.kept < usage.quota);
  for (const [task, usage] of short) log(`  quota not met: ${task} has ${usage.kept} of ${usage.quota} (only ${usage.available} passed every stage)`);
  if (manifest.bench) log(`  benchmark: ${counts.bySplit.bench} samples in ${manifest.bench.file} (${(manifest.bench.bytes / 1e6).toFixed(2)} MB)`);
  log(`  ${manifest.timings.totalSeconds} s, peak RSS ${(manifest.peakRssBytes / 2 ** 20).toFixed(0)} MiB, ${manifest.threads} thread(s)`);
}

function withoutSeq({ source, inputRef, sampleId, stage, reason }: NumberedRejection): Rejection {
  return { source, inputRef, sampleId, stage, reason };
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
