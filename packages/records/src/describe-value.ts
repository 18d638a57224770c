const MAX_STRING_CHARS = 60;
const MAX_ITEMS = 8;

/** A short, unambiguous rendering of any value for error messages: strings quoted, long ones cut. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return describeString(value);
  if (typeof value === 'number') return describeNumber(value);
  if (value === undefined) return 'undefined (no value)';
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (Array.isArray(value)) return `[${describeItems(value)}]`;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return describeTypedArray(value);
  if (typeof value === 'function') return 'a function';
  return describeObject(value as object);
}

function describeString(value: string): string {
  if (value.length <= MAX_STRING_CHARS) return JSON.stringify(value);
  return `${JSON.stringify(value.slice(0, MAX_STRING_CHARS))}... (${value.length} characters)`;
}

function describeNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : `${value} (not finite)`;
}

function describeItems(items: ArrayLike<unknown>): string {
  const shown = Array.from({ length: Math.min(items.length, MAX_ITEMS) }, (_, i) => describeValue(items[i]));
  const rest = items.length - shown.length;
  return rest > 0 ? `${shown.join(', ')}, ... ${rest} more` : shown.join(', ');
}

function describeTypedArray(value: ArrayBufferView): string {
  const items = value as unknown as ArrayLike<unknown>;
  return `${value.constructor.name}(${items.length}) [${describeItems(items)}]`;
}

function describeObject(value: object): string {
  const name = value.constructor?.name;
  return name && name !== 'Object' ? `a ${name}` : 'an object';
}
