import { column } from '../column';
import { float32 } from '../codecs/float32';
import { nonNegativeInt32 } from '../codecs/refined';
import { utf8 } from '../codecs/utf8';
import { defineSchema, type RowOf } from '../schema';
import { SCHEMA_VERSION } from '../schema-version';

/** The group-relative advantage of one rollout, from its total reward. */
export const advantageSchema = defineSchema({
  name: 'advantage',
  version: SCHEMA_VERSION,
  columns: [
    column({ name: 'sample_id', field: 'sampleId', codec: utf8 }),
    column({ name: 'group_index', field: 'groupIndex', codec: nonNegativeInt32 }),
    column({ name: 'reward', field: 'reward', codec: float32 }),
    column({ name: 'advantage', field: 'advantage', codec: float32 }),
  ],
});

export type AdvantageRow = RowOf<typeof advantageSchema>;
