// @mixed-r1/evaluation: benchmarks in VLMEvalKit format, a resumable runner, the rewards' scoring
// rules and ChartQA's relaxed accuracy, bootstrap confidence intervals, and JSON / Markdown / HTML
// reports (SPEC.md section 7). The only public surface; fixtures are in '@mixed-r1/evaluation/testing'.

// benchmark rows and task types
export { describeIssue, type BenchRow, type ImageRef, type LoadedBench, type LoadIssue, type RowOrigin } from './bench/bench-row';
export { benchmarkNameOf } from './bench/benchmark-name';
export { decodeBase64, imageBytesOf, RowImageError } from './bench/image-ref';
export { inferTask, isYesNoAnswer, CHART_BENCHMARK, CHART_CATEGORY, type TaskEvidence } from './bench/task-inference';
export { parseTaskMap, taskOverrideFor, type TaskMap } from './bench/task-map';

// loaders (one per format) and their registry
export { BenchFileError, type BenchLoader, type LoadOptions } from './loaders/bench-loader';
export { BENCH_LOADERS, BENCH_LOADER_NAMES, benchLoaderFor, benchLoaderNamed, loadBenchmark } from './loaders/registry';
export { vlmEvalKitTsvLoader, IMAGE_REFERENCE_MAX_LENGTH } from './loaders/vlmevalkit-tsv-loader';
export { unifiedJsonlLoader, UNIFIED_JSONL_FIELDS } from './loaders/unified-jsonl-loader';

// the prompt, shared with training
export { questionText, promptText, optionLetter, FORMAT_INSTRUCTION, DEFAULT_PROMPT_TEMPLATE, type PromptTemplate, type QuestionFields } from './prompt/prompt-text';
export { evalPromptOf, rowId, type EvalPrompt } from './prompt/eval-prompt';

// generation: the runner and the policy adapter
export type { AnswerGenerator } from './runner/answer-generator';
export { predictionLine, type PredictionRecord } from './runner/prediction-record';
export { readExistingPredictions, PredictionsWriter, type ExistingPredictions } from './runner/predictions-file';
export { runBenchmark, DEFAULT_BATCH_SIZE, type RunBenchmarkOptions, type RunSummary } from './runner/run-benchmark';
export { readForeignPredictions, type ForeignPredictions } from './runner/read-predictions';
export { checkRunManifest, RUN_MANIFEST_FILE, type RunManifest } from './runner/run-manifest';
export { checkModelFolder, readPixelBounds, ModelFolderError, MODEL_CONFIG_FILE, MODEL_WEIGHTS_FILE, MODEL_WEIGHTS_INDEX_FILE, MODEL_TOKENIZER_FILE } from './policy/model-folder';
export { createPolicyGenerator, GenerationUnavailableError, DEFAULT_GENERATION, type GenerationSettings, type PolicyGeneratorOptions } from './policy/policy-generator';

// metrics (one per file) and their registry
export { METRIC_NAMES, type Metric, type MetricInput, type MetricName } from './metrics/metric';
export { METRICS, TASK_METRIC, metricNamed, metricsForTask } from './metrics/registry';
export { relaxedCorrectness, relaxedAccuracy, toFloatPix2struct, MAX_RELATIVE_CHANGE } from './metrics/relaxed-correctness';
export { pythonFloat } from './metrics/python-float';
export { answerTargets } from './metrics/answer-targets';
export { IOU_THRESHOLD } from './metrics/acc-at-iou';

// scoring
export { BOX_FRAMES, isBoxFrame, boxFrameSize, type BoxFrame } from './scoring/box-frame';
export { scoreRow, scoreRows, defaultScoringContext, type ScoringContext } from './scoring/score-rows';
export type { ScoredRow, PredictionStatus } from './scoring/scored-row';
export { scoresJsonl, readScores } from './scoring/scores-file';

// statistics
export { bootstrapMean, pairedBootstrapDifference, DEFAULT_RESAMPLES, DEFAULT_CONFIDENCE_LEVEL, type Estimate, type BootstrapOptions } from './stats/bootstrap';
export { quantileSorted } from './stats/percentile';
export { seededUniform, groupSeed } from './stats/seeded-random';

// summaries, results, comparison
export { summarizeGroup, DEFAULT_BOOTSTRAP, type GroupSummary, type MetricSummary, type Headline, type BootstrapSettings, type GroupKey } from './summary/group-summary';
export { buildResults, RESULTS_SCHEMA, RESULTS_VERSION, type EvalResults, type BenchmarkResults, type RunSettings, type ScoredBench } from './summary/results';
export { chooseExamples, DEFAULT_EXAMPLES_PER_TASK, type Example } from './summary/examples';
export { compareRuns, COMPARISON_METHOD, COMPARISON_SCHEMA, type Comparison, type ComparedGroup, type ComparedValue } from './summary/compare';

// reports
export { markdownReport } from './report/markdown-report';
export { htmlReport } from './report/html-report';
export { comparisonMarkdown } from './report/compare-markdown';
export { comparisonHtml } from './report/compare-html';
export { reportImagesOf, type ReportImages } from './report/report-images';
export { escapeHtml } from './report/html-escape';
export { barChart } from './report/charts/bar-chart';
export { horizontalBarChart } from './report/charts/horizontal-bar-chart';
export { groupedBarChart, type BarPair } from './report/charts/grouped-bar-chart';
export { differenceChart, type DifferenceRow } from './report/charts/difference-chart';
export type { ChartBar } from './report/charts/chart-parts';

// the command line's building blocks
export { evaluate, type EvaluateOptions, type EvaluateResult } from './cli/evaluate';
export { compareOutputs, type CompareOptions } from './cli/compare';
export { OUTPUT_FILES, predictionsFileOf } from './cli/output-files';
