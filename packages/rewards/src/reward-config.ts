import { REWARD_COMPONENTS, TASK_TYPES, type RewardComponent, type TaskType } from '@mixed-r1/records';

/** total = task_reward * task + format_reward * format (SPEC.md section 2, combination). */
export interface TaskWeights {
  readonly task: number;
  readonly format: number;
}

export interface RewardConfig {
  /** Weights per task type; defaults 1 and 1, as VLM-R1 / R1-V sum the two rewards. */
  readonly weights: Readonly<Record<TaskType, TaskWeights>>;
  /** Reward families that are computed; the others are null (ablations). Default: all. */
  readonly enabled: readonly RewardComponent[];
  /** A completion over this many UTF-8 bytes scores 0 with a reason. Default 32 KiB. */
  readonly maxCompletionBytes: number;
  /** Options passed to the BMAS scorer (maxTokens, combination, cache sizes), validated there. */
  readonly bmas: Readonly<Record<string, unknown>>;
}

const DEFAULT_WEIGHTS: TaskWeights = { task: 1, format: 1 };

export const DEFAULT_REWARD_CONFIG: RewardConfig = deepFreeze({
  weights: Object.fromEntries(TASK_TYPES.map((task) => [task, DEFAULT_WEIGHTS])) as Record<TaskType, TaskWeights>,
  enabled: [...REWARD_COMPONENTS],
  maxCompletionBytes: 32 * 1024,
  bmas: {},
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkKeys(value: Record<string, unknown>, valid: readonly string[], where: string): void {
  for (const key of Object.keys(value)) {
    if (!valid.includes(key)) throw new Error(`${where}: unknown setting "${key}"; valid settings: ${valid.join(', ')}`);
  }
}

function weight(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new Error(`${where}: expected a finite number >= 0, found ${JSON.stringify(value)}`);
  }
  return value;
}

function resolveWeights(value: unknown, where: string): Record<TaskType, TaskWeights> {
  if (!isPlainObject(value)) throw new Error(`${where}: expected an object of task types, found ${JSON.stringify(value)}`);
  checkKeys(value, TASK_TYPES, where);
  const weights = {} as Record<TaskType, TaskWeights>;
  for (const task of TASK_TYPES) {
    const given = value[task] ?? {};
    if (!isPlainObject(given)) throw new Error(`${where}.${task}: expected {task, format}, found ${JSON.stringify(given)}`);
    checkKeys(given, ['task', 'format'], `${where}.${task}`);
    weights[task] = {
      task: weight(given.task ?? DEFAULT_WEIGHTS.task, `${where}.${task}.task`),
      format: weight(given.format ?? DEFAULT_WEIGHTS.format, `${where}.${task}.format`),
    };
  }
  return weights;
}

function resolveEnabled(value: unknown, where: string): RewardComponent[] {
  if (!Array.isArray(value)) throw new Error(`${where}: expected a list of reward names, found ${JSON.stringify(value)}`);
  for (const name of value) {
    if (!(REWARD_COMPONENTS as readonly unknown[]).includes(name)) {
      throw new Error(`${where}: unknown reward ${JSON.stringify(name)}; valid rewards: ${REWARD_COMPONENTS.join(', ')}`);
    }
  }
  return [...new Set(value as RewardComponent[])];
}

function resolveCap(value: unknown, where: string): number {
  if (!Number.isInteger(value) || (value as number) <= 0) {
    throw new Error(`${where}: expected a positive whole number of bytes, found ${JSON.stringify(value)}`);
  }
  return value as number;
}

/**
 * The reward config from defaults overridden by `overrides` (e.g. a parsed JSON file), validated
 * and frozen. Unknown keys and bad values throw an error naming the setting; `origin` names the
 * file or flag the overrides came from.
 */
export function resolveRewardConfig(overrides: unknown = {}, origin = 'reward config'): RewardConfig {
  if (!isPlainObject(overrides)) throw new Error(`${origin}: expected a JSON object, found ${JSON.stringify(overrides)}`);
  checkKeys(overrides, ['weights', 'enabled', 'maxCompletionBytes', 'bmas'], origin);
  const bmas = overrides.bmas ?? {};
  if (!isPlainObject(bmas)) throw new Error(`${origin}: bmas: expected an object of BMAS options, found ${JSON.stringify(bmas)}`);
  return deepFreeze({
    weights: resolveWeights(overrides.weights ?? {}, `${origin}: weights`),
    enabled: resolveEnabled(overrides.enabled ?? DEFAULT_REWARD_CONFIG.enabled, `${origin}: enabled`),
    maxCompletionBytes: resolveCap(overrides.maxCompletionBytes ?? DEFAULT_REWARD_CONFIG.maxCompletionBytes, `${origin}: maxCompletionBytes`),
    bmas: { ...bmas },
  });
}
