import * as records from './index';
import * as testing from './testing';

describe('the public surface', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(records).sort()).toEqual(
      [
        'PIXEL_PROCESSORS',
        'ProgressBar',
        'SAFETENSORS_DTYPE_BYTES',
        'SAFETENSORS_MAX_HEADER_BYTES',
        'parseSafetensorsHeader',
        'safetensorsHeaderLength',
        'seededRandom',
        'REWARD_COMPONENTS',
        'SCHEMA_NAME_KEY',
        'SCHEMA_VERSION',
        'SCHEMA_VERSION_KEY',
        'SchemaVersionError',
        'TABLE_FILE_EXTENSIONS',
        'TASK_TYPES',
        'TsvParser',
        'UNIFIED_JSONL_SAMPLE_FIELDS',
        'advantageSchema',
        'batchFromColumns',
        'buildBatch',
        'isTaskType',
        'pixelsSchema',
        'readIpcFile',
        'readIpcStream',
        'readParquet',
        'readTable',
        'rewardSchema',
        'rolloutSchema',
        'rowsFromBatch',
        'sampleSchema',
        'tableFromIpcBytes',
        'tableFromParquetBytes',
        'tableToIpcBytes',
        'tableToParquetBytes',
        'tsvRecordsOf',
        'tsvRecordsOfText',
        'validateBatch',
        'writeIpcFile',
        'writeIpcStream',
        'writeParquet',
        'writeTable',
      ].sort(),
    );
  });

  it('exports fixture factories from ./testing', () => {
    expect(Object.keys(testing).sort()).toEqual([
      'exampleAdvantageRows',
      'exampleRewardRows',
      'exampleRolloutRows',
      'exampleSampleRows',
      'seededRandom',
    ]);
  });
});
