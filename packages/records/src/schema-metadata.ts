/** Arrow schema metadata key holding the record schema's name ("sample", "rollout", ...). */
export const SCHEMA_NAME_KEY = 'mixed_r1.schema';

/** Arrow schema metadata key holding the record schema's version, as decimal text. */
export const SCHEMA_VERSION_KEY = 'mixed_r1.version';

/**
 * Throws unless `metadata` names a record schema and version, so that nothing is written that
 * cannot be read back.
 */
export function requireSchemaMetadata(metadata: ReadonlyMap<string, string>, destination: string): void {
  for (const key of [SCHEMA_NAME_KEY, SCHEMA_VERSION_KEY]) {
    if (!metadata.has(key)) {
      throw new TypeError(
        `${destination}: the table has no "${key}" key in its Arrow schema metadata, so it could not be read ` +
          `back as a record batch; build it with buildBatch or batchFromColumns`,
      );
    }
  }
}
