import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareOutputs, comparisonMarkdown } from '@mixed-r1/evaluation';
import type { TrainerConfig } from '../config/trainer-config';
import { evaluatePolicy } from '../evaluation/evaluate-policy';
import { runGrpo } from '../grpo/run-grpo';
import { markdownTablesHtml } from '../report/markdown-table-html';
import { trainingReportHtml } from '../report/training-report';
import { MetricsLog } from '../run/metrics-log';
import { startingPolicy } from '../run/starting-policy';

export interface TrainOptions {
  readonly config: TrainerConfig;
  readonly resumeFrom?: string | null;
  readonly dumpDir?: string | null;
  readonly shouldStop?: () => boolean;
  readonly log?: (line: string) => void;
}

export interface TrainResult {
  readonly modelDir: string;
  readonly reportFile: string;
  readonly comparisonMarkdown: string | null;
  readonly stopped: boolean;
}

/** The starting model as a checkpoint folder (random tiny weights are saved into the run first). */
async function startingModelDir(config: TrainerConfig): Promise<string> {
  if (config.initialize === 'checkpoint') return config.model;
  const dir = join(config.out, 'initial-model');
  if (existsSync(join(dir, 'config.json'))) return dir;
  const policy = startingPolicy(config, { trainable: false });
  await policy.save(dir);
  policy.dispose();
  return dir;
}

/**
 * The main job (`nx run trainer:train`): held-out evaluation of the starting model, GRPO with the
 * mixed reward, the trained model saved, the same evaluation after, their comparison with
 * confidence intervals, and the run's HTML report.
 */
export async function runTrain(options: TrainOptions): Promise<TrainResult> {
  const { config } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  const evaluateAt = config.evaluation.perTask > 0;
  const before = join(config.out, 'eval-before');
  const startDir = evaluateAt ? await startingModelDir(config) : config.model;
  if (evaluateAt && !(options.resumeFrom && existsSync(join(before, 'results.json')))) {
    log(`evaluating the starting model ${startDir} on ${config.evaluation.perTask} held-out questions per task`);
    await evaluatePolicy(startDir, before, config, startDir);
  }
  const result = await runGrpo({ config, resumeFrom: options.resumeFrom, dumpDir: options.dumpDir, shouldStop: options.shouldStop, log });
  const modelDir = join(config.out, 'model');
  await result.policy.save(modelDir);
  log(`trained model: ${modelDir}`);

  let comparison: string | null = null;
  if (evaluateAt && !result.stopped) {
    const after = join(config.out, 'eval-after');
    log('evaluating the trained model');
    await evaluatePolicy(modelDir, after, config, startDir);
    const compared = compareOutputs({ a: before, b: after, out: join(config.out, 'comparison') });
    comparison = comparisonMarkdown(compared.comparison);
  }
  const reportFile = join(config.out, 'report.html');
  writeFileSync(
    reportFile,
    trainingReportHtml({
      title: `Mixed-R1 GRPO run: ${config.out}`,
      metrics: new MetricsLog(join(config.out, 'metrics.jsonl')).read(),
      comparisonHtml: comparison ? markdownTablesHtml(comparison) : null,
      examples: result.examples,
      settings: config,
    }),
  );
  return { modelDir, reportFile, comparisonMarkdown: comparison, stopped: result.stopped };
}
