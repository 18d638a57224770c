import { column } from './column';
import { int32 } from './codecs/int32';
import { utf8 } from './codecs/utf8';
import { defineSchema } from './schema';

describe('defineSchema', () => {
  it('derives the Arrow schema from the columns, with name and version in the metadata', () => {
    const schema = defineSchema({
      name: 'pair',
      version: 7,
      columns: [
        column({ name: 'left_id', field: 'leftId', codec: utf8 }),
        column({ name: 'count', field: 'count', codec: int32, nullable: true }),
      ],
    });
    expect(schema.arrowSchema.fields.map((f) => `${f.name}: ${f.type} ${f.nullable}`)).toEqual([
      'left_id: Utf8 false',
      'count: Int32 true',
    ]);
    expect(schema.arrowSchema.metadata).toEqual(
      new Map([
        ['mixed_r1.schema', 'pair'],
        ['mixed_r1.version', '7'],
      ]),
    );
    expect(schema.rowChecks).toEqual([]);
  });

  it('rejects two columns of one name or one field', () => {
    const id = column({ name: 'id', field: 'id', codec: utf8 });
    const sameName = column({ name: 'id', field: 'other', codec: utf8 });
    const sameField = column({ name: 'other', field: 'id', codec: utf8 });
    expect(() => defineSchema({ name: 'twice', version: 1, columns: [id, sameName] })).toThrow(
      'twice schema: column name "id" appears twice',
    );
    expect(() => defineSchema({ name: 'twice', version: 1, columns: [id, sameField] })).toThrow(
      'twice schema: row field "id" appears twice',
    );
  });
});
