/** A GRPO setting that cannot be used: names where it came from, the setting, what was expected and found. */
export class GrpoConfigError extends Error {
  constructor(
    readonly origin: string,
    readonly setting: string,
    readonly expected: string,
    readonly found: unknown,
  ) {
    super(`${origin}: ${setting}: expected ${expected}, found ${describe(found)}`);
    this.name = 'GrpoConfigError';
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
