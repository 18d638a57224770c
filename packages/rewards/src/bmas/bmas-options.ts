import { BMAS_COMBINATION_NAMES, type BmasCombination } from './bmas-combination';
import { SIMILARITY_KERNELS, type SimilarityKernel } from './create-similarity-backend';

export interface BmasOptions {
  /** Tokens kept of the answer and of the reference, after special tokens are dropped (the first ones). */
  readonly maxTokens: number;
  /** How the two directional scores combine (see BMAS_COMBINATIONS). */
  readonly combination: BmasCombination;
  /** Prepared references kept (LRU), keyed by the caller's key (e.g. sample id); 0 disables. */
  readonly referenceCacheSize: number;
  /** Normalised embedding rows kept (LRU), keyed by token id; 0 disables. */
  readonly tokenCacheSize: number;
  /** Similarity kernel (see SIMILARITY_KERNELS): `auto` is WebAssembly SIMD where available, else JS. */
  readonly kernel: SimilarityKernel;
}

/**
 * Defaults. 512 tokens as SPEC.md section 2. 32 references cover the groups of a batch scored
 * interleaved (each entry is m x hidden floats: 0.9 MB for 64 tokens at hidden 3584); 4096 token
 * rows are 56 MB at hidden 3584.
 */
export const DEFAULT_BMAS_OPTIONS: BmasOptions = Object.freeze({
  maxTokens: 512,
  combination: 'mean',
  referenceCacheSize: 32,
  tokenCacheSize: 4096,
  kernel: 'auto',
});

const KEYS = Object.keys(DEFAULT_BMAS_OPTIONS) as (keyof BmasOptions)[];

function wholeNumber(value: unknown, min: number, where: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new Error(`${where}: expected a whole number >= ${min}, found ${JSON.stringify(value)}`);
  }
  return value;
}

function oneOf<T extends string>(value: unknown, valid: readonly T[], where: string): T {
  if (typeof value !== 'string' || !(valid as readonly string[]).includes(value)) {
    throw new Error(`${where}: expected one of ${valid.join(', ')}, found ${JSON.stringify(value)}`);
  }
  return value as T;
}

/**
 * Options from defaults overridden by `overrides`, validated and frozen. Unknown keys and bad
 * values throw an error naming the setting; `origin` says where the overrides came from.
 */
export function resolveBmasOptions(overrides: unknown = {}, origin = 'bmas'): BmasOptions {
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    throw new Error(`${origin}: expected an object of BMAS settings, found ${JSON.stringify(overrides)}`);
  }
  const given = overrides as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!(KEYS as string[]).includes(key)) throw new Error(`${origin}: unknown setting "${key}"; valid settings: ${KEYS.join(', ')}`);
  }
  const value = <K extends keyof BmasOptions>(key: K): unknown => (given[key] === undefined ? DEFAULT_BMAS_OPTIONS[key] : given[key]);
  return Object.freeze({
    maxTokens: wholeNumber(value('maxTokens'), 1, `${origin}.maxTokens`),
    combination: oneOf(value('combination'), BMAS_COMBINATION_NAMES, `${origin}.combination`),
    referenceCacheSize: wholeNumber(value('referenceCacheSize'), 0, `${origin}.referenceCacheSize`),
    tokenCacheSize: wholeNumber(value('tokenCacheSize'), 0, `${origin}.tokenCacheSize`),
    kernel: oneOf(value('kernel'), SIMILARITY_KERNELS, `${origin}.kernel`),
  });
}
