import { runJob, type Job, type JobDeps } from './job';
import type { SampleOutcome } from './process-sample';

/** Runs per-sample jobs, in this thread or in worker threads. */
export interface JobRunner {
  /** Threads doing the work (1 for this thread). */
  readonly threads: number;
  run(job: Job): Promise<SampleOutcome>;
  close(): Promise<void>;
}

/** Runs jobs in this thread (their image work still goes to libuv's thread pool). */
export function inProcessRunner(deps: JobDeps): JobRunner {
  return { threads: 1, run: (job) => runJob(job, deps), close: async () => undefined };
}
