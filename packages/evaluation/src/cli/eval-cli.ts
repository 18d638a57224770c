#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { parseTaskMap } from '../bench/task-map';
import { DEFAULT_GENERATION } from '../policy/policy-generator';
import { DEFAULT_PROMPT_TEMPLATE, type PromptTemplate } from '../prompt/prompt-text';
import { DEFAULT_BATCH_SIZE } from '../runner/run-benchmark';
import { BOX_FRAMES, type BoxFrame } from '../scoring/box-frame';
import { DEFAULT_BOOTSTRAP } from '../summary/group-summary';
import { compareOutputs } from './compare';
import { evaluate } from './evaluate';

const DESCRIPTION = `Evaluates a policy on benchmarks (VLMEvalKit TSV or unified JSONL) and reports accuracy per
benchmark, task type and category with 95% bootstrap confidence intervals.

  evaluation:eval --model=DIR --bench=FILE[,FILE] --out=DIR      generate (resumable) and score
  evaluation:eval --predictions=FILE --bench=FILE --out=DIR      score another engine's predictions
  evaluation:eval --compare=DIR_A,DIR_B --out=DIR                compare two runs (before/after)

Predictions files are JSONL: {"index": ..., "prediction": "completion text"} per line, with
"benchmark" (the benchmark file's name without extension) when one file covers several benchmarks.
Outputs: predictions/<bench>.jsonl, scores.jsonl, results.json, results.md, report.html
(comparison.json, comparison.md, comparison.html for --compare).`;

interface CliArguments {
  model?: string;
  bench?: string;
  out?: string;
  predictions?: string;
  compare?: string;
  taskMap?: string;
  boxFrame: BoxFrame;
  embeddings?: string;
  imageRoot?: string;
  batchSize: number;
  maxNewTokens: number;
  temperature: number;
  topP: number;
  topK: number;
  seed: number;
  resamples: number;
  confidence: number;
  minPixels?: number;
  maxPixels?: number;
  backend?: string;
  instruction?: string;
  limit?: number;
  examples?: number;
  progress: boolean;
}

const list = (text: string | undefined) => (text ?? '').split(',').map((item) => item.trim()).filter((item) => item !== '');

function parseArguments(argv: string[]): CliArguments {
  return yargs(argv)
    .scriptName('evaluation:eval')
    .usage(DESCRIPTION)
    .option('model', { type: 'string', describe: 'model folder: config.json, model.safetensors (or index), tokenizer.json' })
    .option('bench', { type: 'string', describe: 'benchmark file(s), comma-separated: .tsv (VLMEvalKit) or .jsonl (unified)' })
    .option('out', { type: 'string', describe: 'output folder' })
    .option('predictions', { type: 'string', describe: 'score-only: predictions JSONL file(s), one or one per --bench file' })
    .option('compare', { type: 'string', describe: 'DIR_A,DIR_B: compare two evaluation output folders' })
    .option('task-map', { type: 'string', describe: 'NAME=TASK[,NAME=TASK]: the task type of every row of a benchmark (NAME may end in *)' })
    .option('box-frame', { choices: BOX_FRAMES, default: 'input' as BoxFrame, describe: 'frame of predicted boxes: input (model-input, resized) or original pixels' })
    .option('embeddings', { type: 'string', describe: 'folder with tokenizer.json + safetensors embedding table, for BMAS (open-ended)' })
    .option('image-root', { type: 'string', describe: 'folder that image_path / imagePath values are relative to (default: the benchmark file\'s folder)' })
    .option('batch-size', { type: 'number', default: DEFAULT_BATCH_SIZE, describe: 'prompts per generation batch (one flush of the predictions file each)' })
    .option('max-new-tokens', { type: 'number', default: DEFAULT_GENERATION.maxNewTokens })
    .option('temperature', { type: 'number', default: DEFAULT_GENERATION.temperature, describe: '0: greedy' })
    .option('top-p', { type: 'number', default: DEFAULT_GENERATION.topP })
    .option('top-k', { type: 'number', default: DEFAULT_GENERATION.topK })
    .option('seed', { type: 'number', default: 0, describe: 'seed of sampling (temperature > 0), of the bootstrap and of the example choice' })
    .option('resamples', { type: 'number', default: DEFAULT_BOOTSTRAP.resamples, describe: 'bootstrap resamples' })
    .option('confidence', { type: 'number', default: DEFAULT_BOOTSTRAP.level, describe: 'confidence level of the intervals' })
    .option('min-pixels', { type: 'number', describe: 'Qwen2.5-VL min_pixels (default: the model\'s preprocessor_config.json, else 3136)' })
    .option('max-pixels', { type: 'number', describe: 'Qwen2.5-VL max_pixels (default: the model\'s preprocessor_config.json, else 12845056)' })
    .option('backend', { type: 'string', describe: 'tensor backend: auto, tensorflow-gpu, tensorflow, wasm, cpu (default: MIXED_R1_BACKEND or auto)' })
    .option('instruction', { type: 'string', describe: 'the format instruction after each question ("none": no instruction); default: the training prompt\'s' })
    .option('limit', { type: 'number', describe: 'evaluate only the first N rows of each benchmark' })
    .option('examples', { type: 'number', describe: 'example predictions per task in the reports (default 3)' })
    .option('progress', { type: 'boolean', default: true, describe: 'show a progress bar on stderr' })
    .strict()
    .help()
    .parseSync() as unknown as CliArguments;
}

function positiveInteger(value: number | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${flag}: expected a whole number >= 1, found ${value}`);
  return value;
}

function template(instruction: string | undefined): PromptTemplate {
  if (instruction === undefined) return DEFAULT_PROMPT_TEMPLATE;
  return { instruction: instruction.trim().toLowerCase() === 'none' ? null : instruction };
}

export async function main(argv: string[]): Promise<void> {
  const args = parseArguments(argv);
  const bootstrap = { resamples: positiveInteger(args.resamples, '--resamples') as number, level: args.confidence, seed: args.seed };
  if (!(args.confidence > 0 && args.confidence < 1)) throw new Error(`--confidence: expected a level between 0 and 1 (e.g. 0.95), found ${args.confidence}`);
  if (!args.out) throw new Error('--out: give the output folder');
  if (args.compare !== undefined) {
    const dirs = list(args.compare);
    if (dirs.length !== 2) throw new Error(`--compare: expected DIR_A,DIR_B (two evaluation output folders), found ${JSON.stringify(args.compare)}`);
    const { comparison, files } = compareOutputs({ a: dirs[0], b: dirs[1], out: args.out, bootstrap });
    console.log(`compared ${comparison.pairedRows} rows: ${files.markdown}, ${files.html}`);
    return;
  }
  const { results, files } = await evaluate({
    benches: list(args.bench),
    out: args.out,
    model: args.model,
    predictions: args.predictions === undefined ? undefined : list(args.predictions),
    taskMap: args.taskMap === undefined ? undefined : parseTaskMap(args.taskMap),
    boxFrame: args.boxFrame,
    embeddings: args.embeddings,
    imageRoot: args.imageRoot,
    batchSize: positiveInteger(args.batchSize, '--batch-size'),
    generation: { maxNewTokens: positiveInteger(args.maxNewTokens, '--max-new-tokens'), temperature: args.temperature, topP: args.topP, topK: args.topK, seed: args.seed },
    minPixels: positiveInteger(args.minPixels, '--min-pixels'),
    maxPixels: positiveInteger(args.maxPixels, '--max-pixels'),
    backend: args.backend,
    template: template(args.instruction),
    bootstrap,
    limit: positiveInteger(args.limit, '--limit'),
    examplesPerTask: args.examples,
    progress: args.progress,
  });
  for (const bench of results.benchmarks) {
    const headline = bench.summary.headline.estimate;
    const value = headline ? `${(100 * headline.mean).toFixed(1)} [${(100 * headline.ci[0]).toFixed(1)}, ${(100 * headline.ci[1]).toFixed(1)}] over ${headline.n} rows` : 'n/a';
    console.log(`${bench.name}: ${bench.rows} rows scored; ${bench.summary.headline.label} ${value}`);
  }
  results.notes.forEach((note) => console.log(`note: ${note}`));
  console.log(`wrote ${files.results}, ${files.markdown}, ${files.html}`);
}

if (require.main === module) {
  main(hideBin(process.argv)).catch((error: Error) => {
    console.error(`evaluation:eval: ${error.message}`);
    process.exit(1);
  });
}
