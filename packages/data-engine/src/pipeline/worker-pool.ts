import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LimitSettings } from '../config/engine-config';
import type { Job } from './job';
import type { SampleOutcome } from './process-sample';
import type { JobRunner } from './runner';
import type { JobMessage, ResultMessage, WorkerSetup } from './worker-main';

interface Pending {
  resolve(outcome: SampleOutcome): void;
  reject(error: Error): void;
}

interface PoolWorker {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
}

/**
 * Worker threads that run jobs with the default registries and decoder. Each job goes to the
 * worker with the fewest jobs in flight; results come back by sequence number, so the order of
 * the output never depends on which worker finished first. A worker that dies fails its jobs.
 */
export class WorkerPool implements JobRunner {
  private next = 0;
  private closed = false;

  private constructor(private readonly workers: PoolWorker[]) {}

  static start(count: number, limits: LimitSettings): WorkerPool {
    const setup: WorkerSetup = { limits };
    const workers = Array.from({ length: count }, () => {
      const worker = new Worker(join(__dirname, 'worker-entry.js'), { workerData: setup });
      return { worker, pending: new Map<number, Pending>() };
    });
    const pool = new WorkerPool(workers);
    for (const entry of workers) pool.listen(entry);
    return pool;
  }

  get threads(): number {
    return this.workers.length;
  }

  run(job: Job): Promise<SampleOutcome> {
    if (this.closed) return Promise.reject(new Error('worker pool: run after close'));
    const seq = this.next++;
    const target = this.workers.reduce((best, entry) => (entry.pending.size < best.pending.size ? entry : best));
    return new Promise<SampleOutcome>((resolve, reject) => {
      target.pending.set(seq, { resolve, reject });
      target.worker.postMessage({ seq, job } satisfies JobMessage);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }

  private listen(entry: PoolWorker): void {
    entry.worker.on('message', (message: ResultMessage) => {
      const pending = entry.pending.get(message.seq);
      if (!pending) return;
      entry.pending.delete(message.seq);
      if ('error' in message) pending.reject(new Error(`pipeline worker: ${message.error}`));
      else pending.resolve(message.outcome);
    });
    const failAll = (error: Error) => {
      for (const pending of entry.pending.values()) pending.reject(error);
      entry.pending.clear();
    };
    entry.worker.on('error', (error) => failAll(new Error(`pipeline worker crashed: ${error.message}`, { cause: error })));
    entry.worker.on('exit', (code) => {
      if (!this.closed) failAll(new Error(`pipeline worker exited with code ${code} while jobs were in flight`));
    });
  }
}
