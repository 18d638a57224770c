import { ConfigError } from './config-error';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Typed reads of one JSON object's fields; errors name `source` and the field's dotted path. */
export class FieldReader {
  constructor(
    readonly source: string,
    readonly json: JsonObject,
    readonly prefix = '',
  ) {}

  path(name: string): string {
    return `${this.prefix}${name}`;
  }

  has(name: string): boolean {
    return this.json[name] !== undefined && this.json[name] !== null;
  }

  fail(name: string, expected: string): never {
    throw new ConfigError(this.source, this.path(name), expected, this.json[name]);
  }

  positiveInt(name: string, fallback?: number): number {
    const value = this.json[name] ?? fallback;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) this.fail(name, 'a positive whole number');
    return value;
  }

  nonNegativeInt(name: string, fallback?: number): number {
    const value = this.json[name] ?? fallback;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) this.fail(name, 'a whole number >= 0');
    return value;
  }

  positiveNumber(name: string, fallback?: number): number {
    const value = this.json[name] ?? fallback;
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) this.fail(name, 'a positive number');
    return value;
  }

  boolean(name: string, fallback?: boolean): boolean {
    const value = this.json[name] ?? fallback;
    if (typeof value !== 'boolean') this.fail(name, 'true or false');
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback?: T): T {
    const value = this.json[name] ?? fallback;
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.fail(name, `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')} (the only supported values)`);
    }
    return value as T;
  }

  intList(name: string, fallback?: readonly number[]): number[] {
    const value = this.json[name] ?? fallback;
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0)) {
      this.fail(name, 'a list of whole numbers >= 0');
    }
    return [...(value as number[])];
  }

  /** A token id or a list of them (HF allows both for eos_token_id). */
  idList(name: string): number[] {
    const value = this.json[name];
    if (value === undefined || value === null) return [];
    if (typeof value === 'number') return [this.nonNegativeInt(name)];
    return this.intList(name);
  }

  child(name: string): FieldReader {
    const value = this.json[name];
    if (!isObject(value)) this.fail(name, 'an object');
    return new FieldReader(this.source, value, `${this.path(name)}.`);
  }
}
