import { column } from '../column';
import { nonNegativeInt32 } from '../codecs/refined';
import { float32List, int32List } from '../codecs/typed-list';
import { utf8 } from '../codecs/utf8';
import { defineSchema, type RowOf } from '../schema';
import { SCHEMA_VERSION } from '../schema-version';

/** One sampled completion: the G completions of a prompt share `sample_id` and differ in `group_index`. */
export const rolloutSchema = defineSchema({
  name: 'rollout',
  version: SCHEMA_VERSION,
  columns: [
    column({ name: 'sample_id', field: 'sampleId', codec: utf8 }),
    column({ name: 'group_index', field: 'groupIndex', codec: nonNegativeInt32 }),
    column({ name: 'prompt_token_ids', field: 'promptTokenIds', codec: int32List }),
    column({ name: 'completion_token_ids', field: 'completionTokenIds', codec: int32List }),
    column({ name: 'completion_text', field: 'completionText', codec: utf8 }),
    /** The sampling policy's log-probability of each completion token. */
    column({ name: 'log_probs', field: 'logProbs', codec: float32List }),
  ],
  rowChecks: [
    {
      column: 'log_probs',
      fields: ['logProbs', 'completionTokenIds'],
      check: ({ logProbs, completionTokenIds }) =>
        logProbs.length === completionTokenIds.length
          ? undefined
          : {
              expected: `as many values as completion_token_ids (${completionTokenIds.length})`,
              found: String(logProbs.length),
            },
    },
  ],
});

export type RolloutRow = RowOf<typeof rolloutSchema>;
