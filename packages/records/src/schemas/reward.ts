import { column } from '../column';
import { float32 } from '../codecs/float32';
import { nonNegativeInt32, taskType } from '../codecs/refined';
import { utf8 } from '../codecs/utf8';
import { defineSchema, type RowOf } from '../schema';
import { SCHEMA_VERSION } from '../schema-version';

/** The reward components, each a nullable column of the reward batch (null: does not apply). */
export const REWARD_COMPONENTS = ['format', 'matching', 'chart', 'iou', 'bmas'] as const;

export type RewardComponent = (typeof REWARD_COMPONENTS)[number];

const componentColumns = REWARD_COMPONENTS.map((component) =>
  column({ name: component, field: component, codec: float32, nullable: true }),
);

/** The scores of one rollout: the weighted total and every component. */
export const rewardSchema = defineSchema({
  name: 'reward',
  version: SCHEMA_VERSION,
  columns: [
    column({ name: 'sample_id', field: 'sampleId', codec: utf8 }),
    column({ name: 'group_index', field: 'groupIndex', codec: nonNegativeInt32 }),
    /** Null only when the row's task is unknown (a malformed input row, kept with its reason). */
    column({ name: 'task', field: 'task', codec: taskType, nullable: true }),
    column({ name: 'total', field: 'total', codec: float32 }),
    ...componentColumns,
    /** Why a row could not be scored (e.g. the completion was over the size cap). */
    column({ name: 'reason', field: 'reason', codec: utf8, nullable: true }),
  ],
});

export type RewardRow = RowOf<typeof rewardSchema>;
