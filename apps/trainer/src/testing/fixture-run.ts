import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { mixed45kGenerators, writeBenchTsv } from '@mixed-r1/data-engine';
import { TINY_TOKENIZER_DIR } from '@mixed-r1/policy/testing';
import { buildBatch, sampleSchema, writeIpcFile, type SampleRow } from '@mixed-r1/records';
import type { ConfigObject } from '../config/config-tree';
import { resolveTrainerConfig, type TrainerConfig } from '../config/trainer-config';

/** `perGenerator` procedural samples of every Mixed-45K generator (seeded), in generator order. */
export async function proceduralSamples(perGenerator: number, seed = 5): Promise<SampleRow[]> {
  const rows: SampleRow[] = [];
  for (const generator of mixed45kGenerators()) {
    for (let index = 0; index < perGenerator; index++) rows.push(await generator.generate(seed, index));
  }
  return rows;
}

/**
 * A small complete setting for trainer tests in a temp folder: a one-shard data set, a held-out
 * benchmark TSV, and a config that starts from random tiny weights with the tiny tokenizer, on the
 * cpu backend, with small images and short generations.
 */
export async function fixtureRun(overrides: ConfigObject = {}, perGenerator = 4): Promise<{ config: TrainerConfig; dir: string; configFile: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'trainer-'));
  const samples = await proceduralSamples(perGenerator);
  writeIpcFile(join(dir, 'data', 'shard-00000.arrow'), buildBatch(sampleSchema, samples));
  writeBenchTsv(join(dir, 'bench.tsv'), await proceduralSamples(2, 99));
  const base: ConfigObject = {
    model: TINY_TOKENIZER_DIR,
    initialize: 'tiny',
    out: join(dir, 'run'),
    backend: 'wasm',
    seed: 7,
    data: { dir: join(dir, 'data'), bench: join(dir, 'bench.tsv'), validationSamples: 5 },
    image: { minPixels: 3136, maxPixels: 12544 },
    sft: { steps: 4, batchSize: 2, learningRate: 0.003, warmupSteps: 0, validateEvery: 2 },
    evaluation: { perTask: 1, maxNewTokens: 8, batchSize: 4 },
    checkpoint: { every: 2 },
  };
  const config = resolveTrainerConfig([{ origin: 'fixture', values: base }, { origin: 'test', values: overrides }]);
  const configFile = join(dir, 'config.json');
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  return { config, dir, configFile };
}

const ROOT = join(__dirname, '..', '..', '..', '..');

/** Runs the trainer CLI (as `nx run trainer:<command>` does) in a child process; its output on failure. */
export function runTrainerCli(args: readonly string[]): { status: number | null; output: string } {
  const run = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'apps', 'trainer', 'src', 'cli', 'main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 600_000,
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}
