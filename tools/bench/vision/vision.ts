/**
 * Qwen2.5-VL image preprocessing throughput on 1024x768 JPEGs (quality 90, photo-like noise and
 * gradients) at max_pixels 1,003,520 (-> 1036x756: the width grows a little, the height shrinks),
 * for each pipeline of pipelines.ts, on one thread and on all cores (worker threads). Prints
 * images/s, ms/image and the speed-up over the Pillow + NumPy reference (Hugging Face's
 * Qwen2VLImageProcessor algorithm, tools/vision-reference/qwen_reference.py), whose time per image
 * on the same files reference.py measures:
 *
 *   npx tsx tools/bench/vision/vision.ts [--seconds 3] [--images 4] [--reference-ms 47]
 *   /usr/bin/python3 tools/bench/vision/reference.py     # after vision.ts has written the JPEGs
 *   npx tsx tools/bench/vision/vision.ts --measure-reference   # runs reference.py first (Debian's
 *                                                              # /usr/bin/python3) and compares with it
 *
 * "One thread" decodes and processes one image at a time (libvips runs each decode on one thread:
 * sharp's default concurrency on glibc Linux is 1). "All cores" runs one such loop per core in
 * worker threads.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { makeBenchJpegs } from '@mixed-r1/vision/testing';
import { MAX_PIXELS, PIPELINES, type Pipeline } from './pipelines';

/** The images written for reference.py (tmp/ is not committed). */
export const BENCH_IMAGES_DIR = path.join(__dirname, '..', '..', '..', 'tmp', 'bench-vision');
const ROUNDS = 5;
const WARM_UP = 4;

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!(value > 0)) throw new Error(`--${name}: expected a positive number, found ${process.argv[at + 1]}`);
  return value;
}

function readImages(): Uint8Array[] {
  return fs
    .readdirSync(BENCH_IMAGES_DIR)
    .filter((name) => name.endsWith('.jpg'))
    .sort()
    .map((name) => new Uint8Array(fs.readFileSync(path.join(BENCH_IMAGES_DIR, name))));
}

/** reference.py's ms/image on the bench images, run with Debian's python3 (Pillow 9.4 + NumPy). */
function measureReference(seconds: number): number {
  const script = path.join(__dirname, 'reference.py');
  const output = execFileSync('/usr/bin/python3', [script, BENCH_IMAGES_DIR, '--seconds', String(seconds)], { encoding: 'utf8' });
  const match = /full preprocessing: ([\d.]+) ms\/image/.exec(output);
  if (!match) throw new Error(`reference.py printed no "full preprocessing: ... ms/image" line:\n${output}`);
  process.stdout.write(output.split('\n').slice(0, 3).join('\n') + '\n\n');
  return Number(match[1]);
}

/** Runs `pipeline` over the images in turn for `seconds`; returns images/s. */
async function run(pipeline: Pipeline, images: Uint8Array[], seconds: number): Promise<number> {
  const start = process.hrtime.bigint();
  let done = 0;
  let elapsed = 0;
  while (elapsed < seconds) {
    await pipeline(images[done % images.length], done);
    done += 1;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  return done / elapsed;
}

/** Median images/s of ROUNDS rounds on this thread, after a warm-up. */
async function oneThread(pipeline: Pipeline, images: Uint8Array[], seconds: number): Promise<number> {
  for (let i = 0; i < WARM_UP; i++) await pipeline(images[i % images.length], i);
  const rates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) rates.push(await run(pipeline, images, seconds / ROUNDS));
  return rates.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)];
}

/** Total images/s of one loop per worker, all started together. */
async function allCores(name: string, workers: number, seconds: number): Promise<number> {
  // from TypeScript sources the worker loads this file through tsx's require hook
  const start = __filename.endsWith('.ts') ? `require('tsx/cjs'); require(${JSON.stringify(__filename)});` : __filename;
  const threads = Array.from({ length: workers }, () => new Worker(start, { eval: start !== __filename, workerData: { name, seconds } }));
  const ready = threads.map((thread) => new Promise((resolve) => thread.once('message', resolve)));
  await Promise.all(ready);
  const results = threads.map(
    (thread) =>
      new Promise<number>((resolve, reject) => {
        thread.once('message', (rate: number) => resolve(rate));
        thread.once('error', reject);
      }),
  );
  for (const thread of threads) thread.postMessage('start');
  const rates = await Promise.all(results);
  await Promise.all(threads.map((thread) => thread.terminate()));
  return rates.reduce((sum, rate) => sum + rate, 0);
}

async function workerMain(): Promise<void> {
  const { name, seconds } = workerData as { name: string; seconds: number };
  const port = parentPort;
  if (!port) throw new Error('workerMain runs in a worker thread');
  const pipeline = PIPELINES[name];
  const images = readImages();
  for (let i = 0; i < WARM_UP; i++) await pipeline(images[i % images.length], i);
  port.postMessage('ready');
  await new Promise((resolve) => port.once('message', resolve));
  port.postMessage(await run(pipeline, images, seconds));
}

async function main(): Promise<void> {
  const seconds = argument('seconds', 3);
  const count = argument('images', 4);
  const cores = os.availableParallelism();

  fs.rmSync(BENCH_IMAGES_DIR, { recursive: true, force: true });
  fs.mkdirSync(BENCH_IMAGES_DIR, { recursive: true });
  const jpegs = await makeBenchJpegs(count);
  jpegs.forEach((jpeg, i) => fs.writeFileSync(path.join(BENCH_IMAGES_DIR, `bench-${i}.jpg`), jpeg));
  const images = readImages();
  const meanKb = images.reduce((sum, image) => sum + image.length, 0) / images.length / 1024;
  const referenceMs = process.argv.includes('--measure-reference') ? measureReference(seconds) : argument('reference-ms', 47);

  console.log(`vision preprocessing: ${count} JPEGs 1024x768 q90 (${meanKb.toFixed(0)} KB each) -> 1036x756 (max_pixels ${MAX_PIXELS.toLocaleString('en-US')})`);
  console.log(`Node ${process.version}, ${cores} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}); Pillow + NumPy reference: ${referenceMs} ms/image on one core`);
  console.log(`(reference on these files: /usr/bin/python3 tools/bench/vision/reference.py ${path.relative(process.cwd(), BENCH_IMAGES_DIR)})\n`);
  console.log(`${'pipeline'.padEnd(32)}${'1 thread img/s'.padStart(15)}${'ms/img'.padStart(9)}${'x ref'.padStart(8)}${`${cores} workers img/s`.padStart(20)}${'x ref'.padStart(8)}`);
  for (const [name, pipeline] of Object.entries(PIPELINES)) {
    const single = await oneThread(pipeline, images, seconds);
    const parallel = await allCores(name, cores, seconds / ROUNDS);
    const speedUp = (rate: number) => `${((rate * referenceMs) / 1000).toFixed(1)}x`;
    console.log(
      `${name.padEnd(32)}${single.toFixed(1).padStart(15)}${(1000 / single).toFixed(2).padStart(9)}${speedUp(single).padStart(8)}` +
        `${parallel.toFixed(1).padStart(20)}${speedUp(parallel).padStart(8)}`,
    );
  }
  console.log('\nx ref: images/s times the reference ms/image (one core), i.e. how many times faster than Pillow + NumPy on one core.');
}

if (isMainThread) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  workerMain().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
