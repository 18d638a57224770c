import { parentPort, workerData } from 'node:worker_threads';
import type { LimitSettings } from '../config/engine-config';
import { defaultJobDeps } from './default-deps';
import { runJob, type Job } from './job';
import type { SampleOutcome } from './process-sample';

/** What the pool posts to a worker, and what the worker posts back. */
export interface JobMessage {
  readonly seq: number;
  readonly job: Job;
}
export type ResultMessage = { readonly seq: number; readonly outcome: SampleOutcome } | { readonly seq: number; readonly error: string };

export interface WorkerSetup {
  readonly limits: LimitSettings;
}

const port = parentPort;
if (port) {
  const deps = defaultJobDeps((workerData as WorkerSetup).limits);
  port.on('message', ({ seq, job }: JobMessage) => {
    runJob(job, deps).then(
      (outcome) => port.postMessage({ seq, outcome } satisfies ResultMessage, transferablesOf(outcome)),
      (error: Error) => port.postMessage({ seq, error: error.stack ?? error.message } satisfies ResultMessage),
    );
  });
}

/** The image bytes' buffer, moved rather than copied when the bytes own all of it. */
function transferablesOf(outcome: SampleOutcome): ArrayBuffer[] {
  if (outcome.kind !== 'valid' || outcome.sample.imageBytes === null) return [];
  const bytes = outcome.sample.imageBytes;
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [];
}
