import type { CandidateSample } from '../candidate';
import type { ProceduralGenerator } from '../generator';
import { processCandidate, type SampleChecks, type SampleOutcome } from './process-sample';

/** The per-sample work, as plain data that can be posted to a worker thread. */
export type Job =
  | { readonly kind: 'candidate'; readonly candidate: CandidateSample; readonly imageRoot: string | null }
  | { readonly kind: 'procedural'; readonly generator: string; readonly seed: number; readonly index: number };

export interface JobDeps extends SampleChecks {
  /** The generator of a procedural job, by name (throws naming the valid names). */
  readonly generatorNamed: (name: string) => ProceduralGenerator;
}

/** Runs one job: generate (procedural jobs), then normalise, validate and hash. */
export async function runJob(job: Job, deps: JobDeps): Promise<SampleOutcome> {
  if (job.kind === 'candidate') return processCandidate(job.candidate, job.imageRoot, deps);
  const generator = deps.generatorNamed(job.generator);
  let candidate: CandidateSample;
  try {
    candidate = await generator.generate(job.seed, job.index);
  } catch (error) {
    return {
      kind: 'rejected',
      stage: 'read',
      sampleId: null,
      source: proceduralSourceName(job.generator),
      reason: `generator failed: ${job.generator} (seed ${job.seed}, index ${job.index}): ${(error as Error).message}`,
    };
  }
  return processCandidate(candidate, null, deps);
}

/** The source name a procedural input is counted under before it has a sample. */
export function proceduralSourceName(generator: string): string {
  return `procedural/${generator}`;
}
