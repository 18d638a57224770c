import { readFileSync } from 'node:fs';
import type { ConfigLayer, ConfigObject } from '../config/config-tree';

/** Command-line keys that are not settings (the CLI's own flags and yargs' bookkeeping). */
const NOT_SETTINGS = new Set(['_', '$0', 'config', 'resume', 'help', 'version', 'dumpBatches', 'dump-batches', 'stopAfter', 'stop-after', 'stage', 'dir', 'samples', 'k', 'pass-rates', 'passRates', 'per-task', 'perTask', 'images']);

/** The layers of a run's config: the --config file, then the command line's dotted settings. */
export function configLayers(args: Record<string, unknown>): ConfigLayer[] {
  const layers: ConfigLayer[] = [];
  if (typeof args.config === 'string') {
    let values: ConfigObject;
    try {
      values = JSON.parse(readFileSync(args.config, 'utf8')) as ConfigObject;
    } catch (error) {
      throw new Error(`--config ${args.config}: cannot read a JSON object (${(error as Error).message})`);
    }
    layers.push({ origin: `--config ${args.config}`, values });
  }
  const commandLine = Object.fromEntries(Object.entries(args).filter(([key]) => !NOT_SETTINGS.has(key) && !key.includes('-')));
  layers.push({ origin: 'command line', values: commandLine as ConfigObject });
  return layers;
}
