// Fixtures for tests of packages that exchange record batches.
export { exampleSampleRows, exampleRolloutRows, exampleRewardRows, exampleAdvantageRows } from './example-rows';
export { seededRandom } from '../seeded-random';
