import { isTaskType, TASK_TYPES, type TaskType } from '@mixed-r1/records';
import type { SourceConfig } from '../source-adapter';

/** Reads one adapter option from its raw value (undefined when the option is not given). */
export interface OptionReader<T> {
  /** What the option holds, for error messages. */
  readonly expected: string;
  read(value: unknown): { readonly ok: true; readonly value: T } | { readonly ok: false };
}

export type OptionSpec<T> = { readonly [K in keyof T]: OptionReader<T[K]> };

type ReadResult<T> = ReturnType<OptionReader<T>['read']>;

function reader<T>(expected: string, read: (value: unknown) => ReadResult<T>): OptionReader<T> {
  return { expected, read };
}

const ok = <T>(value: T): ReadResult<T> => ({ ok: true, value });
const bad = { ok: false } as const;

/** One of `values`; `fallback` when not given. */
export function choice<const V extends string>(values: readonly V[], fallback: V): OptionReader<V> {
  return reader<V>(`one of ${values.map((value) => JSON.stringify(value)).join(', ')}`, (value) => {
    if (value === undefined) return ok(fallback);
    return (values as readonly unknown[]).includes(value) ? ok(value as V) : bad;
  });
}

/** A non-empty string; `fallback` when not given (undefined: the option is optional). */
export function text<F extends string | undefined>(fallback: F): OptionReader<string | F> {
  return reader<string | F>('a non-empty string', (value) => {
    if (value === undefined) return ok<string | F>(fallback);
    return typeof value === 'string' && value.trim() !== '' ? ok<string | F>(value) : bad;
  });
}

/** A non-empty string that holds `placeholder` (a question template). */
export function template(placeholder: string, fallback: string): OptionReader<string> {
  return reader<string>(`a string containing ${placeholder}`, (value) => {
    if (value === undefined) return ok(fallback);
    return typeof value === 'string' && value.includes(placeholder) ? ok(value) : bad;
  });
}

/** A task type that overrides the adapter's inference; undefined when not given. */
export const forcedTask: OptionReader<TaskType | undefined> = reader<TaskType | undefined>(
  `a task type (${TASK_TYPES.join(', ')})`,
  (value) => (value === undefined || isTaskType(value) ? ok(value) : bad),
);

/**
 * The adapter options of a source, read against `spec`: an unknown option, or a value of the wrong
 * kind, throws an `Error` that names the source, the option, what was expected and what was found.
 */
export function readOptions<T>(source: SourceConfig, adapter: string, spec: OptionSpec<T>): T {
  const given = source.options ?? {};
  const where = `source "${source.name}" (adapter ${adapter})`;
  const known = Object.keys(spec);
  for (const key of Object.keys(given)) {
    if (!known.includes(key)) {
      const valid = known.length > 0 ? known.join(', ') : 'none';
      throw new Error(`${where}: unknown option "${key}"; valid options: ${valid}`);
    }
  }
  const options = {} as Record<string, unknown>;
  for (const key of known) {
    const option = (spec as Record<string, OptionReader<unknown>>)[key];
    const result = option.read(given[key]);
    if (!result.ok) {
      throw new Error(`${where}: option "${key}" must be ${option.expected}, found ${JSON.stringify(given[key])}`);
    }
    options[key] = result.value;
  }
  return Object.freeze(options) as T;
}
