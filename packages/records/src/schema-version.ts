import type { RecordSchema } from './schema';
import { SCHEMA_NAME_KEY, SCHEMA_VERSION_KEY } from './schema-metadata';

/** The version of every record schema in this release of @mixed-r1/records. */
export const SCHEMA_VERSION = 1;

const PACKAGE = '@mixed-r1/records';

/** The schema name and version a batch claims in its metadata (undefined where a key is absent). */
export interface FoundSchemaIdentity {
  readonly name: string | undefined;
  readonly version: string | undefined;
}

/** A batch (file, bytes or table) whose metadata names another schema or version, or none. */
export class SchemaVersionError extends Error {
  override readonly name = 'SchemaVersionError';

  constructor(
    readonly source: string,
    readonly expected: { readonly name: string; readonly version: number },
    readonly found: FoundSchemaIdentity,
    message: string,
  ) {
    super(message);
  }
}

/** `required`: the metadata keys must be there (files); `if-present`: a table without them passes. */
export type MetadataPresence = 'required' | 'if-present';

/** Throws a SchemaVersionError unless `metadata` names `schema` at its version. */
export function checkSchemaIdentity(
  schema: RecordSchema,
  metadata: ReadonlyMap<string, string>,
  source: string,
  presence: MetadataPresence,
): void {
  const found = { name: metadata.get(SCHEMA_NAME_KEY), version: metadata.get(SCHEMA_VERSION_KEY) };
  if (found.name === undefined && found.version === undefined && presence === 'if-present') return;
  const message = identityProblem(schema, found, source);
  if (message) throw new SchemaVersionError(source, { name: schema.name, version: schema.version }, found, message);
}

function identityProblem(schema: RecordSchema, found: FoundSchemaIdentity, source: string): string | undefined {
  const expected = `a "${schema.name}" batch of schema version ${schema.version}`;
  const missingKey = missingKeyOf(found);
  if (missingKey !== undefined) {
    return (
      `${source}: expected ${expected}, but the Arrow schema metadata has no "${missingKey}" key, ` +
      `so it was not written by ${PACKAGE}. Rebuild it with buildBatch and writeTable from ${PACKAGE}.`
    );
  }
  if (found.name !== schema.name) {
    return (
      `${source}: expected ${expected}, found a "${found.name}" batch of schema version ${found.version}. ` +
      `Read it with the "${found.name}" schema, or rebuild it as a "${schema.name}" batch.`
    );
  }
  if (found.version !== String(schema.version)) {
    return (
      `${source}: expected ${expected}, found schema version ${JSON.stringify(found.version)}. ` +
      `Rebuild it with this version of ${PACKAGE} (schema version ${schema.version}), ` +
      `or read it with the version of ${PACKAGE} that wrote it.`
    );
  }
  return undefined;
}

function missingKeyOf(found: FoundSchemaIdentity): string | undefined {
  if (found.name === undefined) return SCHEMA_NAME_KEY;
  if (found.version === undefined) return SCHEMA_VERSION_KEY;
  return undefined;
}
