// The body of a preprocessing worker thread (see worker-pool.ts): decodes and processes the
// images it is sent with its own processor, and sends back each result or failure.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createProcessor } from '../processors/registry';
import { preprocessOne, type Outcome } from './preprocess-images';
import type { WorkerSetup, WorkerTask, WorkerReply } from './worker-messages';

function serve(): void {
  const port = parentPort;
  if (isMainThread || port === null) return;
  const setup = workerData as WorkerSetup;
  const processor = createProcessor(setup.processor, setup.options);
  port.on('message', (task: WorkerTask) => {
    preprocessOne(task, processor, setup.decoding).then(
      (outcome: Outcome) => {
        const transfer = 'image' in outcome ? [outcome.image.rows.buffer as ArrayBuffer] : [];
        port.postMessage({ index: task.index, outcome } satisfies WorkerReply, transfer);
      },
      (error: Error) => {
        const reply: WorkerReply = { index: task.index, error: { message: error.message, stack: error.stack ?? '' } };
        port.postMessage(reply);
      },
    );
  });
}

serve();
