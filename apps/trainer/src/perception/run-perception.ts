import { join } from 'node:path';
import { AdamW, clipGradNorm, learningRateAt } from '@mixed-r1/grpo';
import { Policy, Weights } from '@mixed-r1/policy';
import { ProgressBar, type SampleRow } from '@mixed-r1/records';
import { ImagePreparer } from '../data/image-inputs';
import { readSampleShards, splitValidation } from '../data/sample-store';
import { saveTrainingCheckpoint } from '../run/checkpoints';
import { configDigest } from '../run/config-digest';
import { MetricsLog } from '../run/metrics-log';
import { loadOptimizerState } from '../run/optimizer-state-file';
import { OPTIMIZER_FILE, readRunState } from '../run/run-state';
import type { TrainingRunOptions } from '../run/run-options';
import { startingPolicy } from '../run/starting-policy';
import { DataOrder } from '../sft/data-order';
import { perceptionAccuracy, type PerceptionAccuracy } from './perception-accuracy';
import { perceptionExample, scenesOnly, tokenCell, type PerceptionExample } from './perception-example';
import { PerceptionHead } from './perception-head';
import { loadAuxiliaryHead, PERCEPTION_HEAD_FILE, saveAuxiliaryHead } from '../run/auxiliary-head-file';
import { perceptionLossAndGradients, visionVariables } from './perception-step';

export type PerceptionRunOptions = TrainingRunOptions;

export interface PerceptionRunResult {
  readonly policy: Policy;
  readonly steps: number;
  readonly finalLoss: number;
  readonly accuracy: PerceptionAccuracy | null;
  readonly stopped: boolean;
}

function measure(policy: Policy, head: PerceptionHead, examples: readonly PerceptionExample[]): PerceptionAccuracy {
  const weights = Weights.frozen(policy.params);
  try {
    return perceptionAccuracy(weights, head, examples);
  } finally {
    weights.dispose();
  }
}

/**
 * Perception training of the vision tower (trainer:perceive): the procedural scenes' metadata
 * says which object every image token shows, so two linear heads on the tower's output tokens
 * learn each token's shape and colour (balanced cross-entropy), and the gradients train the tower
 * (patch embedding, blocks, merger) and the heads; the decoder is untouched. This is the
 * vision-encoder pretraining that Qwen2.5-VL's own tower receives before any instruction data
 * (there with image-text pairs at scale); a tower trained only through the language loss of a few
 * thousand SFT steps sees colours but does not tell shapes apart (data/models/tiny-vlm/EXPERIMENTS.md).
 */
export async function runPerception(options: PerceptionRunOptions): Promise<PerceptionRunResult> {
  const { config } = options;
  const settings = config.perception;
  const log = options.log ?? ((line: string) => console.log(line));
  const start = options.resumeFrom ? readRunState(options.resumeFrom) : null;
  if (start && (start.kind !== 'perception' || start.configDigest !== configDigest(config))) {
    throw new Error(`--resume ${options.resumeFrom}: it was made by another command or config; resume with the same settings`);
  }
  const policy = start ? Policy.load(options.resumeFrom!, { trainable: true }) : startingPolicy(config, { trainable: true });
  const { vision } = policy.params.config;
  const head = new PerceptionHead(vision.outHiddenSize, config.seed);
  if (start) loadAuxiliaryHead(join(options.resumeFrom!, PERCEPTION_HEAD_FILE), head);

  const images = new ImagePreparer(config.image);
  const cell = tokenCell(vision.patchSize, vision.spatialMergeSize);
  const scenes = scenesOnly(readSampleShards(config.data.dir, config.data.tasks));
  if (scenes.length === 0) throw new Error(`data.dir ${config.data.dir}: no samples with a scene among tasks ${config.data.tasks.join(', ')} (perception needs procedural scenes)`);
  const { train, validation } = splitValidation(scenes, settings.validationSamples);
  log(`perceive: ${train.length} training scenes, ${validation.length} validation scenes, ${settings.steps} steps of ${settings.batchSize}`);
  const validationExamples = await Promise.all(validation.map((sample) => perceptionExample(sample, images, cell)));

  const variables = new Map([...visionVariables(policy.params), ...head.variables]);
  const optimizer = new AdamW(variables, { learningRate: settings.learningRate, betas: [0.9, 0.999], eps: 1e-8, weightDecay: settings.weightDecay });
  const firstStep = start?.step ?? 0;
  if (start) {
    const saved = loadOptimizerState(join(options.resumeFrom!, OPTIMIZER_FILE), [...variables.keys()], start.step);
    if (saved) optimizer.loadState(saved);
  }
  const schedule = { type: 'cosine' as const, warmupSteps: settings.warmupSteps, totalSteps: Math.max(settings.steps, 1), minLrRatio: 0.1 };
  const metrics = new MetricsLog(join(config.out, 'perception-metrics.jsonl'));
  metrics.startAt(firstStep);
  const order = new DataOrder(train.length, config.seed);
  const progress = new ProgressBar('perceive', settings.steps);
  progress.tick(firstStep);

  let lastLoss = Number.NaN;
  let accuracy: PerceptionAccuracy | null = null;
  let step = firstStep;
  let stopped = false;
  while (step < settings.steps) {
    const began = performance.now();
    const batch = await Promise.all(order.batch(step, settings.batchSize).map((index) => perceptionExample(train[index] as SampleRow, images, cell)));
    const { loss, gradients } = perceptionLossAndGradients(policy.params, head, batch);
    lastLoss = loss.dataSync()[0] as number;
    loss.dispose();
    if (!Number.isFinite(lastLoss)) throw new Error(`perceive step ${step + 1}: the loss is ${lastLoss} (samples ${batch.map((e) => e.sampleId).join(', ')})`);
    const { norm } = clipGradNorm(gradients, settings.maxGradNorm);
    const lr = learningRateAt(step, settings.learningRate, schedule);
    optimizer.apply(gradients, lr);
    gradients.forEach((g) => g.dispose());
    step += 1;

    const record: Record<string, number | null> = { loss: lastLoss, grad_norm: norm, learning_rate: lr, seconds: (performance.now() - began) / 1000 };
    if ((step % settings.validateEvery === 0 || step === settings.steps) && validationExamples.length > 0) {
      accuracy = measure(policy, head, validationExamples);
      Object.assign(record, {
        validation_object_shape: accuracy.objectShape,
        validation_object_colour: accuracy.objectColour,
        validation_object_both: accuracy.objectBoth,
        validation_background: accuracy.background,
      });
    }
    if (step % config.log.every === 0 || record.validation_object_shape !== undefined) metrics.append({ step, ...record });
    progress.tick();
    stopped = options.shouldStop?.() ?? false;
    if (step % config.checkpoint.every === 0 || step === settings.steps || stopped) {
      const state = { kind: 'perception' as const, step, rngState: null, configDigest: configDigest(config) };
      await saveTrainingCheckpoint(config.out, policy, optimizer, state, (dir) => saveAuxiliaryHead(join(dir, PERCEPTION_HEAD_FILE), head));
    }
    if (stopped) break;
  }
  progress.finish();
  head.dispose();
  return { policy, steps: step, finalLoss: lastLoss, accuracy, stopped };
}
