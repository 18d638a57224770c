/** A config.json value the policy cannot use: names the file, the field, what was expected and found. */
export class ConfigError extends TypeError {
  constructor(
    readonly source: string,
    readonly field: string,
    readonly expected: string,
    readonly found: unknown,
  ) {
    super(`${source}: ${field} must be ${expected}, found ${describe(found)}`);
    this.name = 'ConfigError';
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
