import { TASK_TYPES, type SampleRow, type TaskType } from '@mixed-r1/records';
import type { ProceduralGenerator } from '../generator';
import { Deduplicator } from '../pipeline/dedup';
import { orderedMap } from '../pipeline/ordered-map';
import type { Job } from '../pipeline/job';
import type { SampleOutcome } from '../pipeline/process-sample';
import type { Progress } from '../pipeline/progress';
import type { JobRunner } from '../pipeline/runner';
import type { NumberedRejection } from '../pipeline/stream-stage';

export interface BenchPlan {
  readonly generators: readonly ProceduralGenerator[];
  /** The benchmark's seed: another than the training data's. */
  readonly seed: number;
  readonly perTask: number;
  /** Image hashes of the training output: a benchmark image with one of them is dropped. */
  readonly trainingHashes: ReadonlySet<string>;
  readonly runner: JobRunner;
  readonly window: number;
  /** Numbers the benchmark's rejections after the training inputs. */
  readonly firstSeq: number;
  readonly progress: Progress;
}

export interface BenchTaskCount {
  readonly wanted: number;
  readonly written: number;
  readonly inputs: number;
}

export interface BenchSplit {
  /** The benchmark samples, task by task in TASK_TYPES order. */
  readonly rows: SampleRow[];
  readonly inputs: number;
  readonly rejections: NumberedRejection[];
  readonly perTask: Readonly<Record<TaskType, BenchTaskCount>>;
}

/** Attempts per task at most, as a multiple of the samples wanted (the rest is dedup and validation margin). */
const ATTEMPTS_PER_SAMPLE = 4;

/** Input refs of the benchmark start with this, to tell them from the training inputs in rejected.arrow. */
export const BENCH_REF_PREFIX = 'bench:';

/**
 * The held-out benchmark: for each task type, samples of that task's generators (taken in turn)
 * with the benchmark seed, validated like the training data, until `perTask` are kept. A sample
 * whose image hash is in the training output, or that duplicates an earlier benchmark sample,
 * is rejected (stage deduplicate).
 */
export async function buildBenchSplit(plan: BenchPlan): Promise<BenchSplit> {
  const rows: SampleRow[] = [];
  const rejections: NumberedRejection[] = [];
  const dedup = new Deduplicator();
  const perTask = {} as Record<TaskType, BenchTaskCount>;
  let seq = plan.firstSeq;
  for (const task of TASK_TYPES) {
    const generators = plan.generators.filter((generator) => generator.task === task);
    let written = 0;
    let inputs = 0;
    if (generators.length > 0 && plan.perTask > 0) {
      const jobs = benchJobs(generators, plan.seed, plan.perTask * ATTEMPTS_PER_SAMPLE);
      for await (const { item, result } of orderedMap(jobs, ({ job }) => plan.runner.run(job), plan.window)) {
        inputs++;
        const reason = rejectionOf(result, dedup, plan.trainingHashes);
        if (reason) rejections.push({ seq: seq++, source: sourceOf(result, item.job), inputRef: item.inputRef, sampleId: reason.sampleId, stage: reason.stage, reason: reason.text });
        else {
          seq++;
          rows.push((result as Extract<SampleOutcome, { kind: 'valid' }>).sample);
          written++;
          plan.progress.tick();
        }
        if (written >= plan.perTask) break;
      }
    }
    perTask[task] = { wanted: plan.perTask, written, inputs };
  }
  plan.progress.finish();
  return { rows, inputs: seq - plan.firstSeq, rejections, perTask };
}

async function* benchJobs(generators: readonly ProceduralGenerator[], seed: number, attempts: number): AsyncGenerator<{ inputRef: string; job: Job & { kind: 'procedural' } }> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const generator = generators[attempt % generators.length];
    const index = Math.floor(attempt / generators.length);
    yield { inputRef: `${BENCH_REF_PREFIX}${generator.name}#${index}`, job: { kind: 'procedural', generator: generator.name, seed, index } };
  }
}

function rejectionOf(outcome: SampleOutcome, dedup: Deduplicator, trainingHashes: ReadonlySet<string>): { stage: NumberedRejection['stage']; sampleId: string | null; text: string } | null {
  if (outcome.kind === 'rejected') return { stage: outcome.stage, sampleId: outcome.sampleId, text: outcome.reason };
  const { id } = outcome.sample;
  if (trainingHashes.has(outcome.hash)) return { stage: 'deduplicate', sampleId: id, text: `benchmark overlap: the image hash ${outcome.hash} is in the training output` };
  const keptId = dedup.check(id, outcome.hash, outcome.questionKey);
  if (keptId !== null) return { stage: 'deduplicate', sampleId: id, text: `duplicate: the same image (hash ${outcome.hash}) and question as ${keptId}` };
  return null;
}

function sourceOf(outcome: SampleOutcome, job: Job & { kind: 'procedural' }): string {
  return outcome.kind === 'valid' ? outcome.sample.source : outcome.source || `procedural/${job.generator}`;
}
