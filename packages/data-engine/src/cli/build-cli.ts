#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { configFileLayer, resolveEngineConfig, type ConfigLayer } from '../config/resolve-config';
import type { EngineConfig } from '../config/engine-config';
import { buildMixed, type BuildResult } from '../pipeline/build';
import type { EngineDeps } from '../pipeline/engine-deps';

export const DEFAULT_CONFIG_PATH = 'data/configs/mixed-45k.json';

const DESCRIPTION = `Builds the mixed multimodal dataset (Mixed-45K): reads the configured sources and procedural
generators, then normalise -> validate -> deduplicate -> difficulty filter -> quotas -> seeded
shuffle -> write.

Writes into --out: shard-00000.arrow, ... (Arrow IPC, the records package's "sample" schema,
images embedded), manifest.json, rejected.arrow (every rejected input with its stage and reason),
stats.md and stats.html; and the held-out benchmark (VLMEvalKit TSV) to the config's bench.out.

Settings come from the defaults, then --config (a JSON file, documented in data/configs/README.md),
then the flags below. Paths are relative to the working folder.`;

interface BuildArguments {
  config: string;
  out?: string;
  sources?: string;
  limit?: number;
  seed?: number;
  workers?: string;
  'pass-rates'?: string;
  missing?: string;
  bench?: boolean;
  'bench-out'?: string;
  progress: boolean;
}

function parseArguments(argv: readonly string[]): BuildArguments {
  return yargs([...argv])
    .scriptName('data-engine:build-mixed45k')
    .usage(DESCRIPTION)
    .option('config', { type: 'string', default: DEFAULT_CONFIG_PATH, describe: 'engine config JSON' })
    .option('out', { type: 'string', describe: 'output folder (config: out)' })
    .option('sources', { type: 'string', describe: 'comma-separated names of the sources and generators to use ("procedural": every Mixed-45K generator; a drill such as existence-drill only when named) (config: only)' })
    .option('limit', { type: 'number', describe: 'at most N inputs in all, split over the sources and generators: a quick look (config: limit)' })
    .option('seed', { type: 'number', describe: 'seed of the quota choice and the output order (config: seed)' })
    .option('workers', { type: 'string', describe: 'worker threads, or "auto" (config: workers)' })
    .option('pass-rates', { type: 'string', describe: 'Arrow pass-rate file for the difficulty filter (config: difficulty.passRates)' })
    .option('missing', { type: 'string', describe: 'samples without a pass rate: keep or reject (config: difficulty.missing)' })
    .option('bench', { type: 'boolean', describe: 'build the benchmark split; --no-bench skips it (config: bench.enabled)' })
    .option('bench-out', { type: 'string', describe: 'benchmark TSV file (config: bench.out)' })
    .option('progress', { type: 'boolean', default: true, describe: 'progress bars on stderr' })
    .strict()
    .help()
    .parseSync() as BuildArguments;
}

/** The command line's settings, as a config layer over the file's. */
function commandLineLayer(args: BuildArguments): ConfigLayer {
  const values: Record<string, unknown> = {};
  const difficulty: Record<string, unknown> = {};
  const bench: Record<string, unknown> = {};
  if (args.out !== undefined) values.out = args.out;
  if (args.sources !== undefined) values.only = args.sources.split(',').map((name) => name.trim()).filter((name) => name !== '');
  if (args.limit !== undefined) values.limit = args.limit;
  if (args.seed !== undefined) values.seed = args.seed;
  if (args.workers !== undefined) values.workers = /^\d+$/.test(args.workers) ? Number(args.workers) : args.workers;
  if (args['pass-rates'] !== undefined) difficulty.passRates = args['pass-rates'];
  if (args.missing !== undefined) difficulty.missing = args.missing;
  if (args.bench !== undefined) bench.enabled = args.bench;
  if (args['bench-out'] !== undefined) bench.out = args['bench-out'];
  if (Object.keys(difficulty).length > 0) values.difficulty = difficulty;
  if (Object.keys(bench).length > 0) values.bench = bench;
  return { origin: 'command line', values };
}

/** The config of a command line: defaults < --config file < flags. */
export function configOf(argv: readonly string[]): { config: EngineConfig; progress: boolean } {
  const args = parseArguments(argv);
  return { config: resolveEngineConfig(configFileLayer(args.config), commandLineLayer(args)), progress: args.progress };
}

export async function main(argv: readonly string[], deps?: EngineDeps, log: (line: string) => void = console.log): Promise<BuildResult> {
  const { config, progress } = configOf(argv);
  return buildMixed({ config, deps, progress, log });
}

if (require.main === module) {
  main(hideBin(process.argv)).catch((error: Error) => {
    console.error(`data-engine:build-mixed45k: ${error.message}`);
    process.exit(1);
  });
}
