#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { BmasScorer } from '../bmas';
import { resolveRewardConfig, type RewardConfig } from '../reward-config';
import type { RewardContext } from '../task-reward';
import { scoreFile } from './score-file';

const DESCRIPTION = `Scores completions with the Mixed-R1 rewards (format, matching, chart, IoU, BMAS).

Input rows (JSONL, or Arrow IPC by extension .arrow/.arrows/.ipc/.feather):
  {"id": "...", "task": "yes_no|multiple_choice|chart|grounding|open_ended",
   "completion": "<think>...</think><answer>...</answer>", "answer": "ground truth",
   "options": ["option A text", ...], "box": [x1, y1, x2, y2],
   "image_size": [width, height], "input_size": [width, height]}
  options: multiple choice; box: grounding ground truth in original pixels; input_size: the
  model-input (resized) image, in whose frame the predicted box is read.

Output rows (JSONL, or the records package's Arrow "reward" schema):
  {"id", "group_index", "task", "total", "format", "matching", "chart", "iou", "bmas", "reason"}
  one per input row, in order; a component that does not apply is null; a row that could not be
  scored (malformed, unknown task, oversized completion) has total 0 and a reason. Rows sharing
  an id form a group (group_index 0, 1, ...).

--config FILE: JSON {"weights": {"<task>": {"task": 1, "format": 1}}, "enabled": ["format",
  "matching", "chart", "iou", "bmas"], "maxCompletionBytes": 32768, "bmas": {"maxTokens": 512,
  "combination": "mean|harmonic|product"}}; every key optional.`;

interface ScoreArguments {
  in: string;
  out: string;
  embeddings?: string;
  config?: string;
  progress: boolean;
}

function parseArguments(argv: string[]): ScoreArguments {
  return yargs(argv)
    .scriptName('rewards:score')
    .usage(DESCRIPTION)
    .option('in', { type: 'string', demandOption: true, describe: 'completions to score: JSONL or Arrow IPC' })
    .option('out', { type: 'string', demandOption: true, describe: 'where to write the scores: JSONL or Arrow IPC' })
    .option('embeddings', { type: 'string', describe: 'folder with tokenizer.json and a safetensors embedding table, for BMAS' })
    .option('config', { type: 'string', describe: 'reward config JSON: weights, enabled rewards, size cap, BMAS options' })
    .option('progress', { type: 'boolean', default: true, describe: 'show a progress line on stderr' })
    .strict()
    .help()
    .parseSync() as ScoreArguments;
}

function loadConfig(path: string | undefined): RewardConfig {
  if (!path) return resolveRewardConfig();
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`--config ${path}: cannot read a JSON object (${(error as Error).message})`);
  }
  return resolveRewardConfig(parsed, `--config ${path}`);
}

async function loadContext(embeddings: string | undefined, config: RewardConfig): Promise<{ context: RewardContext; close(): void }> {
  if (!embeddings) return { context: { similarity: null }, close: () => undefined };
  const scorer = await BmasScorer.fromDirectory(embeddings, config.bmas);
  return { context: { similarity: scorer }, close: () => scorer.close() };
}

export async function main(argv: string[]): Promise<void> {
  const args = parseArguments(argv);
  const config = loadConfig(args.config);
  const { context, close } = await loadContext(args.embeddings, config);
  try {
    const summary = await scoreFile({ inPath: args.in, outPath: args.out, config, context, progress: args.progress });
    console.log(`scored ${summary.rows} rows into ${args.out}; ${summary.withReason} with a reason`);
    for (const [task, mean] of Object.entries(summary.meanTotalByTask)) console.log(`  ${task.padEnd(16)} mean total ${mean.toFixed(4)}`);
  } finally {
    close();
  }
}

if (require.main === module) {
  main(hideBin(process.argv)).catch((error: Error) => {
    console.error(`rewards:score: ${error.message}`);
    process.exit(1);
  });
}
