// Checks of single settings. Each takes the value and where it is ("config.json: quotas.perTask.chart")
// and returns the value or throws an Error that names the setting, what was expected and what was found.

export type Check<T> = (value: unknown, where: string) => T;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function found(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function fail(where: string, expected: string, value: unknown, fix?: string): never {
  throw new ConfigError(`${where}: expected ${expected}, found ${found(value)}${fix ? `; ${fix}` : ''}`);
}

export function integer(min: number, max = Number.MAX_SAFE_INTEGER): Check<number> {
  return (value, where) => {
    if (!Number.isSafeInteger(value) || (value as number) < min || (value as number) > max) {
      fail(where, max === Number.MAX_SAFE_INTEGER ? `a whole number >= ${min}` : `a whole number from ${min} to ${max}`, value);
    }
    return value as number;
  };
}

export function positiveNumber(): Check<number> {
  return (value, where) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) fail(where, 'a finite number > 0', value);
    return value;
  };
}

export function text(): Check<string> {
  return (value, where) => {
    if (typeof value !== 'string' || value.trim() === '') fail(where, 'a non-empty string', value);
    return value;
  };
}

export function nullable<T>(check: Check<T>): Check<T | null> {
  return (value, where) => (value === null ? null : check(value, where));
}

export function boolean(): Check<boolean> {
  return (value, where) => {
    if (typeof value !== 'boolean') fail(where, 'true or false', value);
    return value;
  };
}

export function oneOf<const T extends string>(choices: readonly T[]): Check<T> {
  return (value, where) => {
    if (!(choices as readonly unknown[]).includes(value)) fail(where, `one of ${choices.map((c) => `"${c}"`).join(', ')}`, value);
    return value as T;
  };
}

export function either<A, B>(first: Check<A>, second: Check<B>, expected: string): Check<A | B> {
  return (value, where) => {
    try {
      return first(value, where);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      try {
        return second(value, where);
      } catch (inner) {
        if (!(inner instanceof ConfigError)) throw inner;
        return fail(where, expected, value);
      }
    }
  };
}

export function listOf<T>(item: Check<T>): Check<T[]> {
  return (value, where) => {
    if (!Array.isArray(value)) fail(where, 'a list', value);
    return value.map((entry, index) => item(entry, `${where}[${index}]`));
  };
}

/** An object of any keys, each value checked by `item` (e.g. caps by source name). */
export function recordOf<T>(item: Check<T>): Check<Record<string, T>> {
  return (value, where) => {
    if (!isPlainObject(value)) fail(where, 'an object', value);
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, item(entry, `${where}.${key}`)]));
  };
}

/** Throws naming the first key of `value` that is not in `valid`; `path` is where `value` sits in the tree ('' at the top). */
export function checkKeys(value: Record<string, unknown>, valid: readonly string[], origin: string, path: string): void {
  for (const key of Object.keys(value)) {
    if (!valid.includes(key)) {
      const setting = path ? `${path}.${key}` : key;
      throw new ConfigError(`${origin}: ${setting}: unknown setting; the settings${path ? ` of ${path}` : ''} are ${valid.join(', ')}`);
    }
  }
}

/** Freezes a tree of plain objects and arrays. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
