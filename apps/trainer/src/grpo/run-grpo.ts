import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GrpoOptimizer, qwenLogProbPolicy, type StepMetrics } from '@mixed-r1/grpo';
import { Policy, Rng } from '@mixed-r1/policy';
import { buildBatch, ProgressBar, sampleSchema, type RolloutRow, type SampleRow, type Size } from '@mixed-r1/records';
import type { Table } from 'apache-arrow';
import { BmasScorer, type RewardContext } from '@mixed-r1/rewards';
import type { PromptInput } from '@mixed-r1/policy';
import type { TrainerConfig } from '../config/trainer-config';
import { ImagePreparer } from '../data/image-inputs';
import { readSampleShards, splitValidation } from '../data/sample-store';
import { saveTrainingCheckpoint } from '../run/checkpoints';
import { configDigest } from '../run/config-digest';
import { MetricsLog } from '../run/metrics-log';
import { loadOptimizerState } from '../run/optimizer-state-file';
import { OPTIMIZER_FILE, readRunState } from '../run/run-state';
import { DataOrder } from '../sft/data-order';
import { advantagesOf } from './advantage-stage';
import { dumpStepBatches } from './dump-batches';
import { grpoConfigOf, rewardConfigOf } from './grpo-settings';
import { preparePrompts } from './prepared-prompt';
import { rewardMetrics } from './reward-metrics';
import { rollOut } from './roll-out';
import { scoreRollouts } from './score-stage';
import { updatePolicy } from './update-stage';
import type { ExampleCompletion } from '../report/training-report';
import { startingPolicy } from '../run/starting-policy';
import { rewardSchema, rolloutSchema, rowsFromBatch } from '@mixed-r1/records';

export interface GrpoRunOptions {
  readonly config: TrainerConfig;
  readonly resumeFrom?: string | null;
  /** Write every step's batches here (Arrow IPC), for replay. */
  readonly dumpDir?: string | null;
  readonly log?: (line: string) => void;
  readonly shouldStop?: () => boolean;
}

export interface GrpoRunResult {
  readonly policy: Policy;
  /** The first completion of each prompt at the first step, every checkpoint step and the last. */
  readonly examples: ExampleCompletion[];
  readonly steps: number;
  readonly stopped: boolean;
}

/** The first completion of each prompt of a step, with its question and total reward. */
function firstCompletions(step: number, samples: readonly SampleRow[], rollouts: Table, rewards: Table): ExampleCompletion[] {
  const rewardRows = rowsFromBatch(rewardSchema, rewards);
  return rowsFromBatch(rolloutSchema, rollouts).flatMap((rollout, i) => {
    if (rollout.groupIndex !== 0) return [];
    const sample = samples.find((s) => s.id === rollout.sampleId);
    return sample ? [{ step, task: sample.task, question: sample.question, completion: rollout.completionText, total: rewardRows[i].total }] : [];
  });
}

/** The process's peak resident memory so far (Linux VmHWM; else the current RSS), in MB. */
function peakRssMegabytes(): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]) / 1024;
  } catch {
    // not Linux: fall through to the current RSS
  }
  return process.memoryUsage().rss / 2 ** 20;
}

const seconds = (since: number) => (performance.now() - since) / 1000;

function stepRecord(metrics: StepMetrics): Record<string, number | null> {
  return {
    loss: metrics.loss,
    kl: metrics.kl,
    clip_fraction: metrics.clipFraction,
    clip_fraction_low: metrics.clipFractionLow,
    clip_fraction_high: metrics.clipFractionHigh,
    ratio_mean: metrics.ratioMean,
    grad_norm: metrics.gradNorm,
    learning_rate: metrics.learningRate,
    advantage_mean: metrics.advantageMean,
    advantage_std: metrics.advantageStd,
    frac_reward_zero_std: metrics.fracRewardZeroStd,
    update_tokens_per_second: metrics.tokensPerSecond,
  };
}

async function rewardContext(config: TrainerConfig): Promise<{ context: RewardContext; close(): void }> {
  if (!config.rewards.enabled.includes('bmas')) return { context: { similarity: null }, close: () => undefined };
  // BMAS embeds with the starting model's (frozen) input embeddings, so the reward does not drift.
  if (!config.rewards.embeddings && config.initialize !== 'checkpoint') {
    throw new Error('rewards.embeddings: BMAS needs an embedding table; random initial weights have none on disk, so name a folder or leave "bmas" out of rewards.enabled');
  }
  const scorer = await BmasScorer.fromDirectory(config.rewards.embeddings ?? config.model);
  return { context: { similarity: scorer }, close: () => scorer.close() };
}

/**
 * GRPO with the mixed reward (SPEC.md sections 3 and 8). Each step reads like the algorithm:
 * sample prompts -> preprocess -> roll out G completions each -> score -> advantages -> update,
 * every hand-off a records Arrow batch.
 */
export async function runGrpo(options: GrpoRunOptions): Promise<GrpoRunResult> {
  const { config } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  const start = options.resumeFrom ? readRunState(options.resumeFrom) : null;
  if (start && (start.kind !== 'grpo' || start.configDigest !== configDigest(config))) {
    throw new Error(`--resume ${options.resumeFrom}: not a checkpoint of a GRPO run with these settings`);
  }
  const policy = start ? Policy.load(options.resumeFrom!, { trainable: true }) : startingPolicy(config, { trainable: true });
  const grpoConfig = grpoConfigOf(config);
  const reference = grpoConfig.beta > 0 ? startingPolicy(config, { trainable: false }) : null;
  const rewardConfig = rewardConfigOf(config);
  const rewards = await rewardContext(config);
  const images = new ImagePreparer(config.image);
  const { train } = splitValidation(readSampleShards(config.data.dir, config.data.tasks), config.data.validationSamples);
  log(`grpo: ${train.length} training samples, ${config.grpo.steps} steps of ${config.grpo.promptsPerStep} prompts x ${config.grpo.groupSize} completions`);

  const prompts = new Map<string, PromptInput>();
  const promptOf = (sequence: RolloutRow) => prompts.get(sequence.sampleId) as PromptInput;
  const optimizer = new GrpoOptimizer<RolloutRow>({
    policy: qwenLogProbPolicy(policy.params, { prompt: promptOf, temperature: config.grpo.temperature }),
    reference: reference ? qwenLogProbPolicy(reference.params, { prompt: promptOf, temperature: config.grpo.temperature }) : null,
    config: grpoConfig,
  });
  const firstStep = start?.step ?? 0;
  if (start) {
    const saved = loadOptimizerState(join(options.resumeFrom!, OPTIMIZER_FILE), policy.params.names(), start.step);
    if (saved) optimizer.loadState(saved);
  }
  const rng = start?.rngState ? Rng.fromState(start.rngState) : Rng.fromSeed(config.seed);
  const order = new DataOrder(train.length, config.seed + 1);
  const metrics = new MetricsLog(join(config.out, 'metrics.jsonl'));
  metrics.startAt(firstStep);
  const progress = new ProgressBar('grpo', config.grpo.steps);
  progress.tick(firstStep);

  let step = firstStep;
  let stopped = false;
  const examples: ExampleCompletion[] = [];
  try {
    while (step < config.grpo.steps) {
      const began = performance.now();
      const samples = order.batch(step, config.grpo.promptsPerStep).map((index) => train[index]);
      const prepared = await preparePrompts(samples, policy, images);
      prompts.clear();
      prepared.forEach(({ sample, prompt }) => prompts.set(sample.id, prompt));
      const inputSizes = new Map<string, Size>(prepared.map(({ sample, inputSize }) => [sample.id, inputSize]));
      const preprocessSeconds = seconds(began);

      let mark = performance.now();
      const rollouts = rollOut(policy, prepared, config.grpo, rng);
      const generationSeconds = seconds(mark);

      mark = performance.now();
      const sampleBatch = buildBatch(sampleSchema, samples);
      const rewardBatch = scoreRollouts(rollouts, sampleBatch, inputSizes, rewardConfig, rewards.context);
      const scoringSeconds = seconds(mark);

      mark = performance.now();
      const { advantages, skipped } = advantagesOf(rewardBatch, grpoConfig);
      const result = updatePolicy(optimizer, rollouts, advantages, skipped);
      const updateSeconds = seconds(mark);
      step += 1;

      if (step === 1 || step % config.checkpoint.every === 0 || step === config.grpo.steps) examples.push(...firstCompletions(step, samples, rollouts, rewardBatch));
      if (options.dumpDir) dumpStepBatches(options.dumpDir, step, { samples: sampleBatch, rollouts, rewards: rewardBatch, advantages });
      const total = seconds(began);
      const generatedTokens = rollouts.getChild('completion_token_ids')?.data.reduce((sum, data) => sum + (data.valueOffsets[data.length] - data.valueOffsets[0]), 0) ?? 0;
      const record = {
        ...rewardMetrics(rewardBatch, rollouts),
        ...stepRecord(result.metrics[result.metrics.length - 1]),
        skipped_groups: result.skipped.length,
        seconds: total,
        seconds_preprocess: preprocessSeconds,
        seconds_generation: generationSeconds,
        seconds_scoring: scoringSeconds,
        seconds_update: updateSeconds,
        generated_tokens_per_second: generatedTokens / generationSeconds,
        peak_rss_mb: peakRssMegabytes(),
      };
      if (step % config.log.every === 0 || step === config.grpo.steps) metrics.append({ step, ...record });
      progress.tick();
      stopped = options.shouldStop?.() ?? false;
      if (step % config.checkpoint.every === 0 || step === config.grpo.steps || stopped) {
        const state = { kind: 'grpo' as const, step, rngState: [...rng.state()], configDigest: configDigest(config) };
        await saveTrainingCheckpoint(config.out, policy, optimizer, state);
      }
      if (stopped) break;
    }
  } finally {
    rewards.close();
    reference?.dispose();
  }
  progress.finish();
  return { policy, steps: step, stopped, examples };
}
