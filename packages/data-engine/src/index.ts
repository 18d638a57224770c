// @mixed-r1/data-engine: builds Mixed-45K (SPEC.md section 5). The only public surface.

// what sources and generators give, and what the pipeline turns away
export type { CandidateSample, Rejection, RejectionStage, SourceItem } from './candidate';
export type { SourceAdapter, SourceConfig } from './source-adapter';
export type { ProceduralGenerator } from './generator';

// the registries
export { SOURCE_ADAPTERS, SOURCE_ADAPTER_NAMES, adapterNamed, readSource, type SourceAdapterName } from './sources/registry';
export { GENERATORS, GENERATOR_NAMES, generatorNamed, generatorsForTask, mixed45kGenerators } from './procedural/registry';
// the scenes' vocabulary: what their shapes and colours are called
export { SHAPES, COLOUR_NAMES, type ShapeKind, type ColourName } from './procedural/palette';

// configuration: defaults < file < command line
export {
  DEFAULT_ENGINE_CONFIG,
  DEFAULT_TASK_QUOTA,
  type EngineConfig,
  type ProceduralSettings,
  type QuotaSettings,
  type LimitSettings,
  type DifficultySettings,
  type BenchSettings,
} from './config/engine-config';
export { resolveEngineConfig, configFileLayer, type ConfigLayer } from './config/resolve-config';
export { ConfigError } from './config/checks';

// the build
export { buildMixed, type BuildOptions, type BuildResult } from './pipeline/build';
export { defaultEngineDeps } from './pipeline/default-deps';
export type { EngineDeps } from './pipeline/engine-deps';
export type { ImageDecoder, DecodeOptions } from './pipeline/image-bytes';
export type { Manifest, ManifestInput, SplitCounts, BenchManifest } from './report/manifest';
export type { DedupSummary, DuplicateCluster } from './pipeline/dedup';

// the stages' pure parts
export { normaliseCandidate, questionKey, type Normalised } from './pipeline/normalise';
export { processCandidate, type SampleOutcome, type ValidSample, type SampleRejection, type SampleChecks } from './pipeline/process-sample';
export { differenceHash, type HashableImage } from './pipeline/dhash';
export { chooseWithinQuotas, type QuotaItem, type QuotaChoice, type QuotaUsage } from './pipeline/quotas';

// tables this package owns: rejected.arrow and the difficulty filter's pass rates
export { rejectionSchema, readRejections, writeRejections, REJECTION_STAGES } from './pipeline/rejection-table';
export { passRateSchema, readPassRates, writePassRates, DifficultyFilter, type PassRateRow } from './pipeline/pass-rates';
export type { FlatSchema, FlatColumn } from './pipeline/flat-table';

// the held-out benchmark in VLMEvalKit's TSV format
export { benchTsvText, benchTsvColumns, writeBenchTsv, parseBenchTsv, tsvField } from './bench-split/vlmevalkit-tsv';
export { BENCH_REF_PREFIX } from './bench-split/build-bench';
