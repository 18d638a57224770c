import { sampleSchema } from './schemas/sample';
import { checkSchemaIdentity, SCHEMA_VERSION, SchemaVersionError } from './schema-version';

const metadata = (entries: Record<string, string>) => new Map(Object.entries(entries));
const check = (entries: Record<string, string>, presence: 'required' | 'if-present' = 'required') => () =>
  checkSchemaIdentity(sampleSchema, metadata(entries), 'data/train.arrow', presence);

describe('checkSchemaIdentity', () => {
  it('is version 1 for this release', () => {
    expect(SCHEMA_VERSION).toBe(1);
  });

  it('passes metadata that names the schema and its version', () => {
    expect(check({ 'mixed_r1.schema': 'sample', 'mixed_r1.version': '1', other: 'kept' })).not.toThrow();
  });

  it('requires both keys where metadata is required, and either none or both otherwise', () => {
    expect(check({})).toThrow(SchemaVersionError);
    expect(check({}, 'if-present')).not.toThrow();
    expect(check({ 'mixed_r1.schema': 'sample' }, 'if-present')).toThrow(
      'data/train.arrow: expected a "sample" batch of schema version 1, but the Arrow schema metadata has no ' +
        '"mixed_r1.version" key',
    );
  });

  it('says what was expected, what was found, and what to do', () => {
    expect(check({ 'mixed_r1.schema': 'reward', 'mixed_r1.version': '1' })).toThrow(
      'data/train.arrow: expected a "sample" batch of schema version 1, found a "reward" batch of schema version 1. ' +
        'Read it with the "reward" schema, or rebuild it as a "sample" batch.',
    );
    expect(check({ 'mixed_r1.schema': 'sample', 'mixed_r1.version': '01' })).toThrow(
      'data/train.arrow: expected a "sample" batch of schema version 1, found schema version "01". ' +
        'Rebuild it with this version of @mixed-r1/records (schema version 1), ' +
        'or read it with the version of @mixed-r1/records that wrote it.',
    );
  });

  it('throws an Error subclass that carries the file, the expected and the found identity', () => {
    let error: unknown;
    try {
      check({ 'mixed_r1.schema': 'sample', 'mixed_r1.version': '2' })();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(SchemaVersionError);
    expect(error).toMatchObject({
      name: 'SchemaVersionError',
      source: 'data/train.arrow',
      expected: { name: 'sample', version: 1 },
      found: { name: 'sample', version: '2' },
    });
  });
});
