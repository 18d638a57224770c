import { REWARD_SCALING_NAMES } from '../advantages/reward-scalings/registry';
import { LOSS_TYPE_NAMES } from '../loss/registry';
import { SCHEDULE_NAMES } from '../optim/schedules/registry';
import { GrpoConfigError } from './config-error';
import { DEFAULT_GRPO_CONFIG, ON_NON_FINITE, type AdamWConfig, type GrpoConfig, type ScheduleConfig } from './grpo-config';

type Settings = Readonly<Record<string, unknown>>;

function isPlainObject(value: unknown): value is Settings {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the settings of one level of the tree; unknown keys are errors that list the valid ones. */
class Reader {
  constructor(
    private readonly origin: string,
    private readonly prefix: string,
    private readonly given: Settings,
    valid: readonly string[],
  ) {
    for (const key of Object.keys(given)) {
      if (!valid.includes(key)) throw new GrpoConfigError(origin, this.path(key), `one of the settings ${valid.join(', ')}`, key);
    }
  }

  path(key: string): string {
    return `${this.prefix}${key}`;
  }

  fail(key: string, expected: string): never {
    throw new GrpoConfigError(this.origin, this.path(key), expected, this.given[key]);
  }

  value<T>(key: string, fallback: T): unknown {
    return key in this.given ? this.given[key] : fallback;
  }

  number(key: string, fallback: number, ok: (n: number) => boolean, expected: string): number {
    const v = this.value(key, fallback);
    if (typeof v !== 'number' || !Number.isFinite(v) || !ok(v)) this.fail(key, expected);
    return v;
  }

  integer(key: string, fallback: number, min: number): number {
    return this.number(key, fallback, (n) => Number.isInteger(n) && n >= min, `a whole number >= ${min}`);
  }

  nullable<T>(key: string, fallback: T | null, read: (v: unknown) => T | undefined, expected: string): T | null {
    const v = this.value(key, fallback);
    if (v === null) return null;
    const parsed = read(v);
    if (parsed === undefined) this.fail(key, `${expected} or null`);
    return parsed;
  }

  oneOf<T extends string>(key: string, fallback: T, names: readonly T[]): T {
    const v = this.value(key, fallback);
    if (typeof v !== 'string' || !(names as readonly string[]).includes(v)) this.fail(key, `one of ${names.map((n) => `"${n}"`).join(', ')}`);
    return v as T;
  }

  child(key: string): Settings {
    const v = this.value(key, {});
    if (!isPlainObject(v)) this.fail(key, 'an object of settings');
    return v;
  }
}

const positiveInteger = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : undefined);
const positiveNumber = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined);

function resolveOptimizer(given: Settings, origin: string): AdamWConfig {
  const d = DEFAULT_GRPO_CONFIG.optimizer;
  const r = new Reader(origin, 'optimizer.', given, ['learningRate', 'betas', 'eps', 'weightDecay']);
  const betas = r.value('betas', d.betas);
  const isBeta = (b: unknown) => typeof b === 'number' && b >= 0 && b < 1;
  if (!Array.isArray(betas) || betas.length !== 2 || !betas.every(isBeta)) r.fail('betas', 'two numbers in [0, 1), e.g. [0.9, 0.999]');
  const [beta1, beta2] = betas as [number, number];
  return {
    learningRate: r.number('learningRate', d.learningRate, (n) => n >= 0, 'a number >= 0'),
    betas: Object.freeze([beta1, beta2]) as readonly [number, number],
    eps: r.number('eps', d.eps, (n) => n > 0, 'a number > 0'),
    weightDecay: r.number('weightDecay', d.weightDecay, (n) => n >= 0, 'a number >= 0'),
  };
}

function resolveSchedule(given: Settings, origin: string): ScheduleConfig {
  const d = DEFAULT_GRPO_CONFIG.schedule;
  const r = new Reader(origin, 'schedule.', given, ['type', 'warmupSteps', 'totalSteps', 'minLrRatio']);
  const schedule: ScheduleConfig = {
    type: r.oneOf('type', d.type, SCHEDULE_NAMES),
    warmupSteps: r.integer('warmupSteps', d.warmupSteps, 0),
    totalSteps: r.nullable('totalSteps', d.totalSteps, positiveInteger, 'a whole number >= 1'),
    minLrRatio: r.number('minLrRatio', d.minLrRatio, (n) => n >= 0 && n <= 1, 'a number in [0, 1]'),
  };
  if ((schedule.type === 'linear' || schedule.type === 'cosine') && schedule.totalSteps === null) {
    r.fail('totalSteps', `the run's number of optimizer steps (schedule "${schedule.type}" decays over it)`);
  }
  if (schedule.type === 'constant' && schedule.warmupSteps > 0) {
    r.fail('warmupSteps', '0 with schedule "constant" (use "constant_with_warmup" for a warm-up)');
  }
  if (schedule.totalSteps !== null && schedule.warmupSteps > schedule.totalSteps) {
    r.fail('warmupSteps', `at most schedule.totalSteps (${schedule.totalSteps})`);
  }
  return schedule;
}

function resolveFreeze(r: Reader): readonly string[] {
  const v = r.value('freeze', DEFAULT_GRPO_CONFIG.freeze);
  if (!Array.isArray(v) || !v.every((p) => typeof p === 'string' && p.length > 0)) {
    r.fail('freeze', 'a list of variable-name prefixes, e.g. ["visual."]');
  }
  return Object.freeze([...new Set(v as string[])]);
}

const TOP_LEVEL = Object.keys(DEFAULT_GRPO_CONFIG);

/**
 * The GRPO config: defaults overridden by `overrides` (a parsed file, then the command line, merged
 * by the caller key by key), validated and frozen. An unknown key or a bad value throws a
 * GrpoConfigError naming `origin` and the setting.
 */
export function resolveGrpoConfig(overrides: unknown = {}, origin = 'grpo config'): GrpoConfig {
  if (!isPlainObject(overrides)) throw new GrpoConfigError(origin, '(root)', 'an object of GRPO settings', overrides);
  const d = DEFAULT_GRPO_CONFIG;
  const r = new Reader(origin, '', overrides, TOP_LEVEL);
  const config: GrpoConfig = {
    numGenerations: r.number('numGenerations', d.numGenerations, (n) => Number.isInteger(n) && n >= 2, 'a whole number >= 2 (a group needs at least 2 completions to have relative advantages)'),
    scaleRewards: r.oneOf('scaleRewards', d.scaleRewards, REWARD_SCALING_NAMES),
    advantageEps: r.number('advantageEps', d.advantageEps, (n) => n > 0, 'a number > 0'),
    lossType: r.oneOf('lossType', d.lossType, LOSS_TYPE_NAMES),
    epsLow: r.number('epsLow', d.epsLow, (n) => n >= 0 && n < 1, 'a number in [0, 1)'),
    epsHigh: r.number('epsHigh', d.epsHigh, (n) => n >= 0, 'a number >= 0'),
    beta: r.number('beta', d.beta, (n) => n >= 0, 'a number >= 0 (0: no KL term and no reference policy)'),
    mu: r.integer('mu', d.mu, 1),
    maxCompletionLength: r.nullable('maxCompletionLength', d.maxCompletionLength, positiveInteger, 'a whole number >= 1'),
    microBatchSize: r.nullable('microBatchSize', d.microBatchSize, positiveInteger, 'a whole number >= 1'),
    maxGradNorm: r.nullable('maxGradNorm', d.maxGradNorm, positiveNumber, 'a number > 0'),
    freeze: resolveFreeze(r),
    onNonFinite: r.oneOf('onNonFinite', d.onNonFinite, ON_NON_FINITE),
    optimizer: Object.freeze(resolveOptimizer(r.child('optimizer'), origin)),
    schedule: Object.freeze(resolveSchedule(r.child('schedule'), origin)),
  };
  if (config.lossType === 'dr_grpo' && config.maxCompletionLength === null) {
    r.fail('maxCompletionLength', 'the generation limit in tokens (loss type "dr_grpo" divides by batch size * maxCompletionLength)');
  }
  return Object.freeze(config);
}
