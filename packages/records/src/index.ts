// The public surface of @mixed-r1/records. Fixtures for tests are in '@mixed-r1/records/testing'.

export { TASK_TYPES, isTaskType } from './task-types';
export type { TaskType } from './task-types';
export type { Box, Size } from './geometry';

export { SCHEMA_VERSION, SchemaVersionError } from './schema-version';
export type { FoundSchemaIdentity } from './schema-version';
export { SCHEMA_NAME_KEY, SCHEMA_VERSION_KEY } from './schema-metadata';
export type { RecordSchema, RowOf, ColumnsOf } from './schema';
export type { Column } from './column';

export { sampleSchema } from './schemas/sample';
export type { SampleRow } from './schemas/sample';
export { rolloutSchema } from './schemas/rollout';
export type { RolloutRow } from './schemas/rollout';
export { rewardSchema, REWARD_COMPONENTS } from './schemas/reward';
export type { RewardRow, RewardComponent } from './schemas/reward';
export { advantageSchema } from './schemas/advantage';
export type { AdvantageRow } from './schemas/advantage';
export { pixelsSchema, PIXEL_PROCESSORS } from './schemas/pixels';
export type { PixelsRow, PixelProcessor } from './schemas/pixels';

export { buildBatch, batchFromColumns } from './build';
export { validateBatch } from './validate';
export { rowsFromBatch } from './rows';

export { tableToIpcBytes, tableFromIpcBytes, writeIpcFile, readIpcFile, writeIpcStream, readIpcStream } from './ipc';
export type { IpcFormat } from './ipc';
export { tableToParquetBytes, tableFromParquetBytes, writeParquet, readParquet } from './parquet';
export { writeTable, readTable, TABLE_FILE_EXTENSIONS } from './table-file';

// Progress of long stage work (reading, scoring, preprocessing many records).
export { ProgressBar } from './progress/progress-bar';

// The safetensors layout (header only): shared by the BMAS embedding reader and the policy's weights.
export {
  parseSafetensorsHeader,
  safetensorsHeaderLength,
  SAFETENSORS_DTYPE_BYTES,
  SAFETENSORS_MAX_HEADER_BYTES,
  type SafetensorsHeader,
  type TensorEntry,
} from './safetensors/safetensors-header';

// A seeded generator for reproducible record orders (shuffles, quota choices).
export { seededRandom } from './seeded-random';

// Tab-separated records as pandas reads them (VLMEvalKit benchmark files), with byte spans: shared
// by the data engine's VLMEvalKit adapter and the evaluation's benchmark loader.
export { UNIFIED_JSONL_SAMPLE_FIELDS } from './unified-jsonl-fields';
export { TsvParser, tsvRecordsOf, tsvRecordsOfText, type TsvRecord, type TsvParserOptions } from './tsv/tsv-parser';
