import path from 'node:path';
import { BmasScorer } from '@mixed-r1/rewards';
import { createQwenProcessor, DEFAULT_QWEN_OPTIONS } from '@mixed-r1/vision';
import { describeIssue, type LoadedBench } from '../bench/bench-row';
import type { TaskMap } from '../bench/task-map';
import { loadBenchmark } from '../loaders/registry';
import { checkModelFolder, readPixelBounds } from '../policy/model-folder';
import { createPolicyGenerator, DEFAULT_GENERATION, type GenerationSettings } from '../policy/policy-generator';
import { DEFAULT_PROMPT_TEMPLATE, type PromptTemplate } from '../prompt/prompt-text';
import type { AnswerGenerator } from '../runner/answer-generator';
import type { PredictionRecord } from '../runner/prediction-record';
import { readForeignPredictions } from '../runner/read-predictions';
import { runBenchmark } from '../runner/run-benchmark';
import { checkRunManifest, RUN_MANIFEST_FILE } from '../runner/run-manifest';
import { modelWeightsFingerprint } from '../runner/model-fingerprint';
import type { BoxFrame } from '../scoring/box-frame';
import { defaultScoringContext, scoreRows, type ScoringContext } from '../scoring/score-rows';
import { scoresJsonl } from '../scoring/scores-file';
import { chooseExamples } from '../summary/examples';
import { DEFAULT_BOOTSTRAP, type BootstrapSettings } from '../summary/group-summary';
import { buildResults, type EvalResults, type ScoredBench } from '../summary/results';
import { htmlReport } from '../report/html-report';
import { markdownReport } from '../report/markdown-report';
import { reportImagesOf } from '../report/report-images';
import { OUTPUT_FILES, predictionsFileOf, writeOutput } from './output-files';

export interface EvaluateOptions {
  /** Benchmark files (VLMEvalKit TSV or unified JSONL). */
  readonly benches: readonly string[];
  /** Output folder: predictions/, scores.jsonl, results.json, results.md, report.html. */
  readonly out: string;
  /** A model folder to generate with (the policy package). */
  readonly model?: string;
  /** Score-only mode: predictions files of any engine (one, or one per benchmark in --bench order). */
  readonly predictions?: readonly string[];
  /** Any other generator (tests, other engines); its predictions are resumable like the model's. */
  readonly generator?: AnswerGenerator;
  readonly taskMap?: TaskMap;
  readonly imageRoot?: string;
  readonly boxFrame?: BoxFrame;
  /** A folder with tokenizer.json and a safetensors embedding table, for BMAS. */
  readonly embeddings?: string;
  readonly batchSize?: number;
  readonly generation?: Partial<GenerationSettings>;
  readonly minPixels?: number;
  readonly maxPixels?: number;
  readonly backend?: string;
  readonly template?: PromptTemplate;
  readonly bootstrap?: Partial<BootstrapSettings>;
  /** Score only the first N rows of each benchmark (smoke runs). */
  readonly limit?: number;
  readonly examplesPerTask?: number;
  readonly progress?: boolean;
  /** Where warnings and progress lines go (default: stderr). */
  readonly log?: (line: string) => void;
}

export interface EvaluateResult {
  readonly results: EvalResults;
  readonly files: Readonly<Record<'results' | 'markdown' | 'html' | 'scores', string>>;
}

const MAX_ISSUES_LOGGED = 20;

function checkModes(options: EvaluateOptions): void {
  const modes = [options.model ? '--model' : null, options.predictions?.length ? '--predictions' : null, options.generator ? 'a generator' : null].filter(Boolean);
  if (modes.length !== 1) throw new Error(`give exactly one of --model=DIR (generate and score) or --predictions=FILE (score only); found ${modes.length === 0 ? 'neither' : modes.join(' and ')}`);
  if (options.benches.length === 0) throw new Error('--bench: give at least one benchmark file (VLMEvalKit .tsv or unified .jsonl)');
}

async function loadBenches(options: EvaluateOptions, log: (line: string) => void): Promise<LoadedBench[]> {
  const benches: LoadedBench[] = [];
  for (const file of options.benches) {
    const loaded = await loadBenchmark(file, { taskMap: options.taskMap, imageRoot: options.imageRoot });
    if (benches.some((bench) => bench.name === loaded.name)) throw new Error(`--bench: two files are named "${loaded.name}" (${file}); benchmark names (file names without extension) must differ`);
    const rows = options.limit === undefined ? loaded.rows : loaded.rows.slice(0, options.limit);
    benches.push({ ...loaded, rows });
    log(`${loaded.name}: ${loaded.rows.length} rows read${options.limit === undefined ? '' : `, ${rows.length} kept (--limit)`}, ${loaded.issues.length} could not be read`);
    loaded.issues.slice(0, MAX_ISSUES_LOGGED).forEach((issue) => log(`  skipped ${describeIssue(issue)}`));
    if (loaded.issues.length > MAX_ISSUES_LOGGED) log(`  ... and ${loaded.issues.length - MAX_ISSUES_LOGGED} more (results.json lists all)`);
  }
  return benches;
}

/** What the predictions are generated with: a resumed run must match it (see checkRunManifest). */
function runManifest(options: EvaluateOptions, pixels: { minPixels: number; maxPixels: number }) {
  return {
    model: options.model ? path.resolve(options.model) : null,
    weights: options.model ? modelWeightsFingerprint(options.model) : null,
    generator: options.generator?.description ?? null,
    generation: options.model ? { ...DEFAULT_GENERATION, ...options.generation } : null,
    prompt: options.template ?? DEFAULT_PROMPT_TEMPLATE,
    inputFrame: pixels,
  };
}

async function generatedPredictions(benches: readonly LoadedBench[], generator: AnswerGenerator, options: EvaluateOptions, log: (line: string) => void, manifest: string) {
  writeOutput(path.join(options.out, OUTPUT_FILES.predictionsDir, RUN_MANIFEST_FILE), manifest);
  const byBenchmark = new Map<string, ReadonlyMap<string, PredictionRecord>>();
  for (const bench of benches) {
    const file = predictionsFileOf(options.out, bench.name);
    const run = await runBenchmark({ rows: bench.rows, generator, predictionsFile: file, batchSize: options.batchSize, template: options.template, progress: options.progress });
    if (run.truncatedBytes > 0) log(`${bench.name}: cut ${run.truncatedBytes} bytes of a half-written last line off ${file} (an interrupted run); those rows are generated again`);
    log(`${bench.name}: ${run.resumed} rows already predicted in ${file}, ${run.generated} generated${run.failed > 0 ? `, ${run.failed} failed` : ''}`);
    byBenchmark.set(bench.name, run.predictions);
  }
  return byBenchmark;
}

async function foreignPredictions(benches: readonly LoadedBench[], files: readonly string[], log: (line: string) => void) {
  const names = benches.map((bench) => bench.name);
  if (files.length !== 1 && files.length !== benches.length) {
    throw new Error(`--predictions: give one file (lines with a "benchmark" field when there are several benchmarks) or one file per --bench file in the same order; found ${files.length} files for ${benches.length} benchmarks`);
  }
  const byBenchmark = new Map<string, Map<string, PredictionRecord>>(names.map((name) => [name, new Map()]));
  for (const [i, file] of files.entries()) {
    const fallback = files.length === 1 ? (names.length === 1 ? names[0] : null) : names[i];
    const read = await readForeignPredictions(file, names, fallback);
    read.issues.slice(0, MAX_ISSUES_LOGGED).forEach((issue) => log(`  ignored ${describeIssue(issue)}`));
    if (read.issues.length > MAX_ISSUES_LOGGED) log(`  ... and ${read.issues.length - MAX_ISSUES_LOGGED} more ignored lines in ${file}`);
    for (const [name, records] of read.byBenchmark) for (const [index, record] of records) byBenchmark.get(name)?.set(index, record);
  }
  for (const bench of benches) {
    const predictions = byBenchmark.get(bench.name) as Map<string, PredictionRecord>;
    const indices = new Set(bench.rows.map((row) => row.index));
    const unknown = [...predictions.keys()].filter((index) => !indices.has(index));
    if (unknown.length > 0) log(`${bench.name}: ${unknown.length} prediction(s) name rows not in the benchmark (first: ${JSON.stringify(unknown[0])}); they are ignored`);
    const missing = bench.rows.filter((row) => !predictions.has(row.index)).length;
    if (missing > 0) log(`${bench.name}: ${missing} of ${bench.rows.length} rows have no prediction; they are scored as empty completions`);
  }
  return byBenchmark;
}

async function scoringContext(options: EvaluateOptions, pixels: { minPixels: number; maxPixels: number }): Promise<{ context: ScoringContext; close(): void }> {
  const processor = createQwenProcessor(pixels);
  const boxFrame = options.boxFrame ?? 'input';
  if (!options.embeddings) {
    return { context: defaultScoringContext({ processor, boxFrame, similarityUnavailable: 'no --embeddings folder given (BMAS needs tokenizer.json and a safetensors embedding table, e.g. the reference policy)' }), close: () => undefined };
  }
  const scorer = await BmasScorer.fromDirectory(options.embeddings);
  return { context: defaultScoringContext({ processor, boxFrame, similarity: scorer, similarityUnavailable: null }), close: () => scorer.close() };
}

/** The Qwen2.5-VL resize bounds: the flags, else the model's preprocessor_config.json, else Qwen's defaults. */
function pixelBounds(options: EvaluateOptions): { minPixels: number; maxPixels: number } {
  const fromModel = options.model ? readPixelBounds(options.model) : {};
  return {
    minPixels: options.minPixels ?? fromModel.minPixels ?? DEFAULT_QWEN_OPTIONS.minPixels,
    maxPixels: options.maxPixels ?? fromModel.maxPixels ?? DEFAULT_QWEN_OPTIONS.maxPixels,
  };
}

/** Every benchmark's predictions: generated (resumably) by the model or the given generator, or read from files. */
async function predictionsOf(benches: readonly LoadedBench[], options: EvaluateOptions, pixels: { minPixels: number; maxPixels: number }, log: (line: string) => void) {
  if (options.predictions?.length) return { predictions: await foreignPredictions(benches, options.predictions, log), generator: null };
  // Checked before the model loads: a resumed folder must hold predictions of the same model and settings.
  const manifest = checkRunManifest(path.join(options.out, OUTPUT_FILES.predictionsDir), runManifest(options, pixels));
  const generator = options.generator ?? (await createPolicyGenerator({ modelDir: options.model as string, generation: options.generation, ...pixels, backend: options.backend, log }));
  try {
    return { predictions: await generatedPredictions(benches, generator, options, log, manifest), generator: generator.description };
  } finally {
    await generator.close?.();
  }
}

/** Writes scores.jsonl, results.json, results.md and report.html (example images inlined). */
async function writeReports(out: string, scored: readonly ScoredBench[], results: EvalResults): Promise<EvaluateResult['files']> {
  const files = {
    results: path.join(out, OUTPUT_FILES.results),
    markdown: path.join(out, OUTPUT_FILES.markdown),
    html: path.join(out, OUTPUT_FILES.html),
    scores: path.join(out, OUTPUT_FILES.scores),
  };
  const shown = new Set(results.examples.map((example) => `${example.benchmark}/${example.index}`));
  const exampleRows = scored.flatMap(({ bench }) => bench.rows).filter((row) => shown.has(`${row.benchmark}/${row.index}`));
  writeOutput(files.scores, scoresJsonl(scored.flatMap((entry) => entry.scored)));
  writeOutput(files.results, `${JSON.stringify(results, null, 2)}\n`);
  writeOutput(files.markdown, markdownReport(results));
  writeOutput(files.html, htmlReport(results, { images: await reportImagesOf(exampleRows) }));
  return files;
}

/**
 * The whole evaluation: load the benchmarks (unreadable rows reported, the rest go on), get
 * predictions (generate with the model, resumably, or read predictions files), score them with the
 * rewards' rules and the metrics, and write scores.jsonl, results.json, results.md and report.html.
 */
export async function evaluate(options: EvaluateOptions): Promise<EvaluateResult> {
  checkModes(options);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  if (options.model) checkModelFolder(options.model);
  const pixels = pixelBounds(options);
  const benches = await loadBenches(options, log);
  const { predictions, generator } = await predictionsOf(benches, options, pixels, log);
  const { context, close } = await scoringContext(options, pixels);
  const scored: ScoredBench[] = [];
  try {
    for (const bench of benches) scored.push({ bench, scored: await scoreRows(bench.rows, predictions.get(bench.name) ?? new Map(), context) });
  } finally {
    close();
  }
  const built = buildResults(scored, {
    model: options.model ?? null,
    generator,
    predictions: options.predictions?.length ? [...options.predictions] : null,
    boxFrame: context.boxFrame,
    inputFrame: pixels,
    embeddings: options.embeddings ?? null,
    prompt: options.template ?? DEFAULT_PROMPT_TEMPLATE,
    generation: options.model ? { ...DEFAULT_GENERATION, ...options.generation } : null,
    taskMap: Object.fromEntries(options.taskMap ?? []),
    bootstrap: { ...DEFAULT_BOOTSTRAP, ...options.bootstrap },
  });
  const results = options.examplesPerTask === undefined ? built : { ...built, examples: chooseExamples(scored, { seed: built.settings.bootstrap.seed, perTask: options.examplesPerTask }) };
  return { results, files: await writeReports(options.out, scored, results) };
}
