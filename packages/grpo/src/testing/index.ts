// Fixtures and oracles for tests of the GRPO optimizer and of code that drives it.
export { TablePolicy, type TableSequence, type TableValues } from './table-policy';
export { naiveTokenLoss, naiveBatchLoss, naiveTableLogProbs, finiteDifferences, type NaiveSequence, type NaiveSettings, type NaiveLossType } from './naive-objective';
export { sampleTable } from './sample-table';
export { REFERENCE_FIXTURE, loadReferenceFixture, type ReferenceFixture, type ReferenceCase } from './reference-fixture';
export { bareModelPass } from './bare-model-pass';
