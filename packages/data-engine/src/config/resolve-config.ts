import { readFileSync } from 'node:fs';
import { TASK_TYPES } from '@mixed-r1/records';
import type { SourceConfig } from '../source-adapter';
import {
  boolean,
  checkKeys,
  ConfigError,
  deepFreeze,
  either,
  fail,
  integer,
  isPlainObject,
  listOf,
  nullable,
  oneOf,
  positiveNumber,
  recordOf,
  text,
  type Check,
} from './checks';
import { DEFAULT_ENGINE_CONFIG, type EngineConfig } from './engine-config';

/** One layer of settings (a parsed config file, the command line) and where it came from, for errors. */
export interface ConfigLayer {
  readonly origin: string;
  readonly values: unknown;
}

/** A tree of settings: a check at each leaf, nested objects merge key by key. */
type Spec = Check<unknown> | { readonly [key: string]: Spec };

const SEED = integer(0, 2 ** 32 - 1);
const COUNT = integer(0);

const SOURCE_KEYS = ['name', 'adapter', 'path', 'imageRoot', 'options'] as const;

const sourceConfig: Check<SourceConfig> = (value, where) => {
  if (!isPlainObject(value)) fail(where, 'a source object {name, adapter, path, imageRoot?, options?}', value);
  for (const key of Object.keys(value)) {
    if (!(SOURCE_KEYS as readonly string[]).includes(key)) {
      throw new ConfigError(`${where}.${key}: unknown setting; the settings of a source are ${SOURCE_KEYS.join(', ')}`);
    }
  }
  const options = value.options ?? {};
  if (!isPlainObject(options)) fail(`${where}.options`, 'an object of adapter settings', options);
  const source: SourceConfig = {
    name: text()(value.name, `${where}.name`),
    adapter: text()(value.adapter, `${where}.adapter`),
    path: text()(value.path, `${where}.path`),
    ...(value.imageRoot === undefined ? {} : { imageRoot: text()(value.imageRoot, `${where}.imageRoot`) }),
    options: { ...options },
  };
  return source;
};

const CONFIG_SPEC: Spec = {
  seed: SEED,
  out: text(),
  sources: listOf(sourceConfig),
  procedural: {
    seed: nullable(SEED),
    generators: listOf(text()),
    candidatesPerTask: COUNT,
    candidates: recordOf(COUNT),
  },
  only: nullable(listOf(text())),
  limit: nullable(integer(1)),
  quotas: {
    perTask: Object.fromEntries(TASK_TYPES.map((task) => [task, COUNT])),
    perSource: recordOf(COUNT),
  },
  limits: {
    minSide: integer(1),
    maxSide: integer(1),
    maxAspectRatio: positiveNumber(),
    maxPixels: integer(1),
    maxChartAnswerChars: integer(1),
  },
  difficulty: { passRates: nullable(text()), missing: oneOf(['keep', 'reject'] as const) },
  shardSize: integer(1),
  workers: either(integer(1, 64), oneOf(['auto'] as const), 'a whole number from 1 to 64, or "auto"'),
  bench: { enabled: boolean(), perTask: COUNT, seedOffset: integer(1, 2 ** 32 - 1), out: text() },
};

/**
 * The engine config: defaults < each layer in turn (a config file, then the command line),
 * validated and frozen. An unknown key or a bad value throws a ConfigError naming the layer's
 * origin and the setting (`data/configs/mixed-45k.json: quotas.perTask.chart: expected ...`).
 */
export function resolveEngineConfig(...layers: readonly ConfigLayer[]): EngineConfig {
  let merged: unknown = structuredClone(DEFAULT_ENGINE_CONFIG);
  for (const layer of layers) merged = merge(merged, checkLayer(layer.values, CONFIG_SPEC, layer.origin, ''), CONFIG_SPEC);
  const config = merged as EngineConfig;
  checkAcross(config);
  return deepFreeze(config);
}

/** A config file as a layer; throws a ConfigError naming the file when it cannot be read or parsed. */
export function configFileLayer(path: string): ConfigLayer {
  let textContent: string;
  try {
    textContent = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`${path}: cannot read the config file (${(error as Error).message}); pass an existing JSON file to --config`);
  }
  try {
    return { origin: path, values: JSON.parse(textContent) };
  } catch (error) {
    throw new ConfigError(`${path}: not valid JSON (${(error as Error).message})`);
  }
}

function checkLayer(values: unknown, spec: Spec, origin: string, path: string): unknown {
  if (typeof spec === 'function') return spec(values, `${origin}: ${path}`);
  if (!isPlainObject(values)) fail(`${origin}: ${path || 'config'}`, 'an object of settings', values);
  checkKeys(values, Object.keys(spec), origin, path);
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, checkLayer(value, spec[key], origin, path ? `${path}.${key}` : key)]),
  );
}

function merge(base: unknown, layer: unknown, spec: Spec): unknown {
  if (typeof spec === 'function') return layer;
  const result = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(layer as Record<string, unknown>)) result[key] = merge(result[key], value, spec[key]);
  return result;
}

function checkAcross(config: EngineConfig): void {
  const { limits, sources } = config;
  if (limits.minSide > limits.maxSide) {
    throw new ConfigError(`config: limits.minSide (${limits.minSide}) is greater than limits.maxSide (${limits.maxSide}); lower minSide or raise maxSide`);
  }
  if (limits.maxPixels < limits.minSide * limits.minSide) {
    throw new ConfigError(`config: limits.maxPixels (${limits.maxPixels}) is under limits.minSide squared (${limits.minSide ** 2}); no image could pass`);
  }
  const names = sources.map((source) => source.name);
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated !== undefined) throw new ConfigError(`config: sources: the name "${repeated}" appears twice; give each source its own name`);
  if (names.includes('procedural')) throw new ConfigError(`config: sources: the name "procedural" is reserved for the procedural generators; rename that source`);
}
