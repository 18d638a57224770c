/**
 * Policy throughput on the tiny config, per tensor backend: a training step (forward + backward of
 * next-token cross-entropy over a batch of text sequences) and generation of a group of
 * completions with and without the KV cache; plus the PyTorch reference's time for the same
 * training step (tools/bench/policy/reference_step.py, Debian's python3-torch on CPU).
 * Targets (issue #5), on wasm: the training step within 3x of PyTorch's time, and KV-cache
 * generation at least 5x faster than recomputation at 128 new tokens.
 *
 *   npx tsx tools/bench/policy/policy.ts [--backends wasm,cpu] [--batch 8] [--length 128]
 *     [--group 8] [--new-tokens 128] [--repeats 3] [--torch-threads 1] [--no-torch] [--cpu-time]
 *
 * Each backend runs in its own process (a process chooses its backend once). Times are medians of
 * wall-clock time, or of process CPU time with --cpu-time (both for tfjs and PyTorch).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  BACKEND_REQUESTS,
  generate,
  initParameters,
  lossAndGradients,
  nextTokenLoss,
  Rng,
  selectBackend,
  tinyConfig,
  toHfConfigJson,
  Weights,
  type BackendName,
  type PolicyParameters,
} from '@mixed-r1/policy';
import { randomImage, tinyPromptIds } from '@mixed-r1/policy/testing';

const TRAIN_STEP_TARGET = 3;
const CPU_TIME = process.argv.includes('--cpu-time');
const KV_SPEEDUP_TARGET = 5;

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}
const numberOption = (name: string, fallback: number) => Number(option(name, String(fallback)));

interface Settings {
  batch: number;
  length: number;
  group: number;
  newTokens: number;
  repeats: number;
}

interface WorkerResult {
  backend: string;
  skipped?: string;
  trainSeconds?: number;
  trainTokensPerSecond?: number;
  cachedSeconds?: number;
  recomputedSeconds?: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Median seconds of `repeats` runs after one warm-up run: wall-clock, or this process's CPU time
 * (user + system) with `cpu` (steadier on a shared machine; the two agree on an idle one).
 */
function time(repeats: number, run: () => void, cpu = CPU_TIME): number {
  run();
  const seconds: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    run();
    const used = process.cpuUsage(startCpu);
    seconds.push(cpu ? (used.user + used.system) / 1e6 : (performance.now() - start) / 1000);
  }
  return median(seconds);
}

/** One training step: the loss and every gradient computed and read back, then freed. */
function trainStep(params: PolicyParameters, rows: number[][]): void {
  const { loss, gradients } = lossAndGradients(params, (w) => nextTokenLoss(w, rows));
  loss.dataSync();
  gradients.forEach((g) => g.dataSync());
  loss.dispose();
  gradients.forEach((g) => g.dispose());
}

async function worker(backend: BackendName, s: Settings): Promise<WorkerResult> {
  try {
    await selectBackend(backend, { log: () => undefined });
  } catch (error) {
    return { backend, skipped: (error as Error).message };
  }
  const config = tinyConfig();
  const params = initParameters(config, { seed: 0 });
  const rng = Rng.fromSeed(1);
  const rows = Array.from({ length: s.batch }, () => Array.from({ length: s.length }, () => Math.floor(rng.nextFloat() * 900)));
  const trainSeconds = time(s.repeats, () => trainStep(params, rows));
  // A prompt like the training data's: a 224x224 image (64 tokens) and about 30 text tokens.
  const prompt = { tokenIds: tinyPromptIds(64, 3, 12, 16), images: [randomImage(16, 16, 3)] };
  const options = { groupSize: s.group, maxNewTokens: s.newTokens, temperature: 1, stopTokenIds: [] };
  const w = Weights.frozen(params);
  const cachedSeconds = time(s.repeats, () => void generate(w, prompt, options, Rng.fromSeed(2)));
  const recomputedSeconds = time(1, () => void generate(w, prompt, { ...options, useCache: false }, Rng.fromSeed(2)));
  w.dispose();
  return { backend, trainSeconds, trainTokensPerSecond: (s.batch * s.length) / trainSeconds, cachedSeconds, recomputedSeconds };
}

function torchStep(s: Settings, threads: number): { step_seconds: number; tokens_per_second: number; version: string } | string {
  const python = '/usr/bin/python3';
  if (!fs.existsSync(python)) return `${python} not found`;
  const dir = path.join(__dirname, '..', '..', '..', 'tmp', 'bench-policy');
  fs.mkdirSync(dir, { recursive: true });
  const configFile = path.join(dir, 'config.json');
  fs.writeFileSync(configFile, JSON.stringify(toHfConfigJson(tinyConfig())));
  try {
    const out = execFileSync(python, [path.join(__dirname, 'reference_step.py'), '--config', configFile, '--batch', String(s.batch), '--length', String(s.length), '--threads', String(threads), '--repeats', String(Math.max(s.repeats, 5)), '--json', ...(CPU_TIME ? ['--cpu-time'] : [])], {
      encoding: 'utf8',
      env: { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: String(threads) },
    });
    return JSON.parse(out.trim().split('\n').pop() as string);
  } catch (error) {
    return `the PyTorch reference failed: ${(error as Error).message.split('\n')[0]} (apt-get install python3-torch libopenblas0-pthread)`;
  }
}

function main(): void {
  const settings: Settings = {
    batch: numberOption('batch', 8),
    length: numberOption('length', 128),
    group: numberOption('group', 8),
    newTokens: numberOption('new-tokens', 128),
    repeats: numberOption('repeats', 3),
  };
  const workerBackend = option('worker', '');
  if (workerBackend) {
    worker(workerBackend as BackendName, settings).then((r) => process.stdout.write(`${JSON.stringify(r)}\n`));
    return;
  }
  const backends = option('backends', 'tensorflow-gpu,tensorflow,wasm').split(',');
  backends.forEach((b) => {
    if (!(BACKEND_REQUESTS as readonly string[]).includes(b) || b === 'auto') throw new Error(`--backends: unknown backend "${b}"`);
  });
  console.log(`times: ${CPU_TIME ? 'process CPU time' : 'wall clock'}; tiny config, training step: batch ${settings.batch} x ${settings.length} tokens; generation: ${settings.group} completions x ${settings.newTokens} new tokens after a 64-token image and 30 text tokens`);
  const torchThreads = numberOption('torch-threads', 1);
  const torch = process.argv.includes('--no-torch') ? 'skipped (--no-torch)' : torchStep(settings, torchThreads);
  if (typeof torch === 'string') console.log(`pytorch: ${torch}`);
  else console.log(`pytorch ${torch.version} (cpu, ${torchThreads} thread${torchThreads > 1 ? 's' : ''}): train step ${(torch.step_seconds * 1000).toFixed(1)} ms, ${torch.tokens_per_second.toFixed(0)} tokens/s`);
  for (const backend of backends) {
    const child = spawnSync(process.execPath, [...process.execArgv, __filename, '--worker', backend, ...process.argv.slice(2)], { encoding: 'utf8', maxBuffer: 1 << 24 });
    const line = child.stdout.trim().split('\n').pop() ?? '';
    let r: WorkerResult;
    try {
      r = JSON.parse(line) as WorkerResult;
    } catch {
      console.log(`${backend}: failed (exit ${child.status})\n${child.stderr.trim().split('\n').slice(-15).join('\n')}`);
      continue;
    }
    if (r.skipped) {
      console.log(`${backend}: skipped (${r.skipped})`);
      continue;
    }
    const tokens = settings.group * settings.newTokens;
    const cached = tokens / (r.cachedSeconds as number);
    const recomputed = tokens / (r.recomputedSeconds as number);
    const speedup = cached / recomputed;
    console.log(`${backend}: train step ${((r.trainSeconds as number) * 1000).toFixed(1)} ms, ${(r.trainTokensPerSecond as number).toFixed(0)} tokens/s`);
    if (typeof torch !== 'string') {
      const ratio = (r.trainSeconds as number) / torch.step_seconds;
      console.log(`  train step time / pytorch: ${ratio.toFixed(2)}x (target <= ${TRAIN_STEP_TARGET}x on wasm: ${ratio <= TRAIN_STEP_TARGET ? 'met' : 'not met'})`);
    }
    console.log(`  generation: KV cache ${cached.toFixed(0)} tokens/s, recomputation ${recomputed.toFixed(0)} tokens/s, speedup ${speedup.toFixed(1)}x (target >= ${KV_SPEEDUP_TARGET}x: ${speedup >= KV_SPEEDUP_TARGET ? 'met' : 'not met'})`);
  }
}

main();
