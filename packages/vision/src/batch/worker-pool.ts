import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import type { ProcessorName } from '../processor';
import { processorOptions } from '../processors/registry';
import { decodingOf, resultOf, type ImageItem, type Outcome, type PreprocessOptions, type PreprocessResult } from './preprocess-images';
import type { WorkerReply, WorkerSetup, WorkerTask } from './worker-messages';

/** A processor by registry name and settings: what a worker thread can make its own copy from. */
export interface ProcessorSpec {
  readonly name: ProcessorName;
  readonly options?: unknown;
}

export interface WorkerPreprocessOptions extends PreprocessOptions {
  /** Worker threads, each with its own processor (default 2). */
  readonly workers?: number;
}

/** Images each worker holds at once when `concurrency` is not given: one decoding while one is processed. */
const IMAGES_PER_WORKER = 2;

/**
 * A worker thread running preprocess-worker. From TypeScript sources (tests, `tsx`) the worker
 * loads them through tsx's CommonJS require hook only: `execArgv: []` keeps it from inheriting
 * tsx's ESM loader flags, whose module hooks thread per worker is not needed here.
 */
function startWorker(setup: WorkerSetup): Worker {
  const extension = __filename.endsWith('.ts') ? '.ts' : '.js';
  const entry = join(__dirname, `preprocess-worker${extension}`);
  if (extension === '.js') return new Worker(entry, { workerData: setup });
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(entry)});`, { eval: true, workerData: setup, execArgv: [] });
}

/**
 * `preprocessImages` on worker threads, for the CPU-bound part (the exact 'pil' resize, patch or
 * tile rows) on several cores: each worker decodes and processes the images it is sent with its
 * own processor made from `spec`. Same result and error rules: results in input order, a bad
 * image is a failure, any other error (in a worker too) is thrown. `concurrency` is the number of
 * images in flight in all (default 2 per worker).
 */
export async function preprocessImagesInWorkers(
  items: readonly ImageItem[],
  spec: ProcessorSpec,
  options: WorkerPreprocessOptions = {},
): Promise<PreprocessResult> {
  const workerCount = options.workers ?? 2;
  const concurrency = options.concurrency ?? workerCount * IMAGES_PER_WORKER;
  for (const [name, value] of [['workers', workerCount], ['concurrency', concurrency]] as const) {
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a whole number >= 1, found ${value}`);
  }
  const setup: WorkerSetup = {
    processor: spec.name,
    options: processorOptions(spec.name, spec.options ?? {}),
    decoding: decodingOf(spec, options),
  };
  if (items.length === 0) return { processed: [], failures: [] };
  const workers = Array.from({ length: Math.min(workerCount, items.length) }, () => startWorker(setup));
  try {
    return resultOf(await runOnWorkers(items, workers, concurrency, options.onProgress));
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/**
 * The outcome with its rows as a Float32Array of this context: a message's typed arrays are made
 * in the thread's main context, which is not the caller's under a vm context (jest), where
 * `instanceof Float32Array` would then be false. The view shares the transferred buffer.
 */
function ownRealm(outcome: Outcome): Outcome {
  if (!('image' in outcome)) return outcome;
  const { rows } = outcome.image;
  return { image: { ...outcome.image, rows: new Float32Array(rows.buffer, rows.byteOffset, rows.length) } };
}

/** Sends the items to the workers, at most `concurrency` in flight, the next one to whichever answers. */
function runOnWorkers(
  items: readonly ImageItem[],
  workers: readonly Worker[],
  concurrency: number,
  onProgress: ((done: number, total: number) => void) | undefined,
): Promise<Outcome[]> {
  return new Promise((resolve, reject) => {
    const outcomes = new Array<Outcome>(items.length);
    let next = 0;
    let done = 0;
    let failed = false;
    const fail = (error: Error) => {
      failed = true;
      reject(error);
    };
    const send = (worker: Worker) => {
      if (failed || next >= items.length) return;
      const index = next++;
      const task: WorkerTask = { index, sampleId: items[index].sampleId, source: items[index].source };
      worker.postMessage(task);
    };
    for (const worker of workers) {
      worker.on('message', (reply: WorkerReply) => {
        if (failed) return;
        if ('error' in reply) return fail(Object.assign(new Error(reply.error.message), { stack: reply.error.stack }));
        outcomes[reply.index] = ownRealm(reply.outcome);
        done++;
        onProgress?.(done, items.length);
        if (done === items.length) resolve(outcomes);
        else send(worker);
      });
      worker.on('error', (error) => fail(new Error(`preprocessing worker failed: ${error.message}`, { cause: error })));
      worker.on('exit', (code) => {
        if (done < items.length && !failed) fail(new Error(`preprocessing worker exited with code ${code} before the batch was done`));
      });
    }
    for (let slot = 0; slot < concurrency; slot++) send(workers[slot % workers.length]);
  });
}
