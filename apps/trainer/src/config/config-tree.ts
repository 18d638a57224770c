// A typed config tree resolved as defaults < file < command line (SPEC.md section 8, STYLE.md 5):
// every key must exist in the defaults, every value must have the default's type, and each
// setting may add its own check. The result is frozen.

export type ConfigValue = string | number | boolean | null | readonly ConfigValue[] | ConfigObject;
export interface ConfigObject {
  readonly [key: string]: ConfigValue;
}

/** A check of one setting's value: returns a problem ("expected ..."), or null when it is fine. */
export type SettingCheck = (value: ConfigValue) => string | null;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function isObject(value: unknown): value is ConfigObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  return typeof value;
}

function mergeLayer(base: ConfigObject, layer: ConfigObject, origin: string, path: string[]): ConfigObject {
  const merged: Record<string, ConfigValue> = { ...base };
  for (const [key, value] of Object.entries(layer)) {
    const at = [...path, key];
    const name = at.join('.');
    if (!(key in base)) {
      const valid = Object.keys(base).map((k) => [...path, k].join('.'));
      throw new ConfigError(`${origin}: unknown setting "${name}"; valid settings here: ${valid.join(', ')}`);
    }
    const current = base[key];
    if (isObject(current)) {
      if (!isObject(value)) throw new ConfigError(`${origin}: setting "${name}" is a group of settings, found ${JSON.stringify(value)}`);
      merged[key] = mergeLayer(current, value, origin, at);
    } else {
      const nullable = current === null;
      // A list on the command line: `--data.tasks=yes_no,chart` (or the flag repeated, as yargs gives it).
      if (Array.isArray(current) && typeof value === 'string') {
        merged[key] = value.split(',').map((item) => item.trim()).filter((item) => item !== '');
        continue;
      }
      // A switch on the command line: `--sft.freezeVision=true` reaches here as the string "true".
      if (typeof current === 'boolean' && (value === 'true' || value === 'false')) {
        merged[key] = value === 'true';
        continue;
      }
      if (!nullable && value !== null && kindOf(value) !== kindOf(current)) {
        throw new ConfigError(`${origin}: setting "${name}" must be a ${kindOf(current)}, found ${JSON.stringify(value)}`);
      }
      if (!nullable && value === null) throw new ConfigError(`${origin}: setting "${name}" cannot be null`);
      merged[key] = value as ConfigValue;
    }
  }
  return merged;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

function checkAll(config: ConfigObject, checks: Readonly<Record<string, SettingCheck>>): void {
  for (const [name, check] of Object.entries(checks)) {
    const value = name.split('.').reduce<ConfigValue | undefined>((node, key) => (isObject(node) ? node[key] : undefined), config);
    const problem = check(value as ConfigValue);
    if (problem) throw new ConfigError(`setting "${name}": ${problem}, found ${JSON.stringify(value)}`);
  }
}

/** One source of overrides and its name for messages ("--config run.json", "command line"). */
export interface ConfigLayer {
  readonly origin: string;
  readonly values: ConfigObject;
}

/** defaults < layer 1 < layer 2 ..., checked and frozen. */
export function resolveConfigTree<T extends ConfigObject>(defaults: T, layers: readonly ConfigLayer[], checks: Readonly<Record<string, SettingCheck>>): T {
  let config: ConfigObject = defaults;
  for (const layer of layers) {
    if (!isObject(layer.values)) throw new ConfigError(`${layer.origin}: expected an object of settings, found ${JSON.stringify(layer.values)}`);
    config = mergeLayer(config, layer.values, layer.origin, []);
  }
  checkAll(config, checks);
  return deepFreeze(structuredClone(config)) as T;
}

/** Checks used by the trees. */
export const positiveInteger: SettingCheck = (v) => (Number.isInteger(v) && (v as number) > 0 ? null : 'expected a whole number >= 1');
export const nonNegativeInteger: SettingCheck = (v) => (Number.isInteger(v) && (v as number) >= 0 ? null : 'expected a whole number >= 0');
export const positiveNumber: SettingCheck = (v) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? null : 'expected a number > 0');
export const nonNegativeNumber: SettingCheck = (v) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? null : 'expected a number >= 0');
export const fraction: SettingCheck = (v) => (typeof v === 'number' && v >= 0 && v <= 1 ? null : 'expected a number in [0, 1]');
export const oneOf =
  (valid: readonly string[]): SettingCheck =>
  (v) =>
    typeof v === 'string' && valid.includes(v) ? null : `expected one of ${valid.join(', ')}`;
export const listOf =
  (valid: readonly string[]): SettingCheck =>
  (v) =>
    Array.isArray(v) && v.every((item) => typeof item === 'string' && valid.includes(item)) ? null : `expected a list of ${valid.join(', ')}`;
