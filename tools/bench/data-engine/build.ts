/**
 * Wall time, throughput and peak memory of building the procedural Mixed-45K (the default config,
 * data/configs/mixed-45k.json) into a temporary folder. Peak RSS is the process's high-water mark
 * (VmHWM in /proc/self/status), which includes the worker threads, as they live in this process.
 * Targets (issue #4): under 3 minutes and under 1.5 GB on a 2-core machine.
 *
 *   npx tsx tools/bench/data-engine/build.ts [--workers N|auto] [--limit N] [--no-bench] [--keep]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildMixed, configFileLayer, resolveEngineConfig } from '@mixed-r1/data-engine';

const TARGET_SECONDS = 180;
const TARGET_PEAK_BYTES = 1.5e9;
const CONFIG = 'data/configs/mixed-45k.json';

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** The process's peak resident set, from the kernel (bytes); falls back to getrusage. */
function peakRss(): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]) * 1024;
  } catch {
    // not Linux: getrusage below
  }
  return process.resourceUsage().maxRSS * 1024;
}

async function main(): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), 'mixed-45k-bench-'));
  const workers = flag('workers');
  const limit = flag('limit');
  const values: Record<string, unknown> = { out, bench: { out: join(out, 'mixed-bench.tsv'), enabled: !process.argv.includes('--no-bench') } };
  if (workers !== undefined) values.workers = workers === 'auto' ? 'auto' : Number(workers);
  if (limit !== undefined) values.limit = Number(limit);
  const config = resolveEngineConfig(configFileLayer(CONFIG), { origin: 'bench', values });
  let sampledPeak = 0;
  const sampler = setInterval(() => (sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss)), 250);
  const started = performance.now();
  try {
    const { manifest } = await buildMixed({ config, progress: process.stderr.isTTY });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const peak = peakRss();
    const { counts, timings } = manifest;
    console.log(`procedural Mixed-45K build: ${counts.train.inputs} candidates -> ${counts.train.output} samples in ${manifest.shards.length} shards; ${manifest.threads} thread(s) on ${availableParallelism()} core(s)`);
    console.log(`  wall ${seconds.toFixed(1)} s (read+validate ${timings.readValidateSeconds} s, select ${timings.selectSeconds} s, write ${timings.writeSeconds} s, bench ${timings.benchSeconds} s)`);
    console.log(`  ${(counts.train.inputs / timings.readValidateSeconds).toFixed(0)} candidates/s through generate+validate, ${(counts.train.output / seconds).toFixed(0)} output samples/s overall`);
    console.log(`  peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB (VmHWM; sampled rss max ${(sampledPeak / 2 ** 20).toFixed(0)} MiB)`);
    console.log(`  output ${(manifest.shards.reduce((sum, shard) => sum + shard.bytes, 0) / 2 ** 20).toFixed(0)} MiB of shards; benchmark ${manifest.bench ? `${(manifest.bench.bytes / 1e6).toFixed(2)} MB` : 'skipped'}`);
    console.log(`  targets: time ${seconds <= TARGET_SECONDS ? 'met' : 'MISSED'} (${seconds.toFixed(0)} / ${TARGET_SECONDS} s), memory ${peak <= TARGET_PEAK_BYTES ? 'met' : 'MISSED'} (${(peak / 1e9).toFixed(2)} / ${TARGET_PEAK_BYTES / 1e9} GB)`);
  } finally {
    clearInterval(sampler);
    if (process.argv.includes('--keep')) console.log(`  kept ${out}`);
    else rmSync(out, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
