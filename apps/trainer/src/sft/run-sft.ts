import * as tf from '@tensorflow/tfjs-core';
import { AdamW, clipGradNorm, learningRateAt, selectTrainable } from '@mixed-r1/grpo';
import { lossAndGradients, Policy, Weights } from '@mixed-r1/policy';
import { startingPolicy } from '../run/starting-policy';
import { ProgressBar, type SampleRow } from '@mixed-r1/records';
import type { TrainerConfig } from '../config/trainer-config';
import { ImagePreparer } from '../data/image-inputs';
import { readSampleShards, splitValidation } from '../data/sample-store';
import { saveTrainingCheckpoint } from '../run/checkpoints';
import { MetricsLog } from '../run/metrics-log';
import { loadOptimizerState } from '../run/optimizer-state-file';
import { OPTIMIZER_FILE, readRunState } from '../run/run-state';
import { configDigest } from '../run/config-digest';
import type { TrainingRunOptions } from '../run/run-options';
import { DataOrder } from './data-order';
import { sftExample, type SftExample } from './sft-example';
import { sftLoss, targetTokens, type AuxiliaryObjectives, type LocalisationObjective } from './sft-loss';
import type { ReferentAttentionObjective } from '../referent-attention/referent-attention-loss';
import { meanReferentAttentionMass } from '../referent-attention/referent-attention-mass';
import { LocalisationHead } from '../localisation/localisation-head';
import { localisationErrorPixels } from '../localisation/localisation-error';
import { LOCALISATION_HEAD_FILE, loadAuxiliaryHead, saveAuxiliaryHead } from '../run/auxiliary-head-file';
import { teacherForcedAnswerAccuracies, type AnswerAccuracies } from './teacher-forced-answers';
import { join } from 'node:path';

export type SftRunOptions = TrainingRunOptions;

export interface SftRunResult {
  readonly policy: Policy;
  readonly steps: number;
  readonly finalLoss: number;
  readonly validationLoss: number | null;
  readonly stopped: boolean;
}

async function examplesOf(samples: readonly SampleRow[], policy: Policy, images: ImagePreparer, config: TrainerConfig): Promise<SftExample[]> {
  const auxiliary = {
    localisation: config.sft.localisationWeight > 0,
    referents: config.sft.referentAttentionWeight > 0,
    referentTasks: config.sft.referentAttentionTasks,
    referentSpans: config.sft.referentAttentionSpans,
    referentTargets: config.sft.referentAttentionTargets,
    copies: config.sft.copyWeight !== 1,
  };
  return Promise.all(samples.map((sample) => sftExample(sample, policy, images, config.sft, auxiliary)));
}

/**
 * Mean loss over the validation examples (without gradients, in batches; the plain mean, whatever
 * `sft.answerWeight` or the localisation objective, so runs compare), their teacher-forced answer
 * accuracy (overall and per answer group: task type and question kind) and, with a localisation
 * objective, its box error in pixels; with a referent-attention objective, the mean attention mass
 * its head puts on the objects each mention names.
 */
function validate(
  policy: Policy,
  examples: readonly SftExample[],
  batchSize: number,
  { localisation, referentAttention }: AuxiliaryObjectives,
): {
  loss: number;
  answerAccuracy: AnswerAccuracies;
  boxErrorPixels: { tokens: number | null; answer: number | null } | null;
  referentAttentionMass: number | null;
} {
  const weights = Weights.frozen(policy.params);
  try {
    let total = 0;
    for (let start = 0; start < examples.length; start += batchSize) {
      const batch = examples.slice(start, start + batchSize);
      const loss = tf.tidy(() => sftLoss(weights, batch));
      total += (loss.dataSync()[0] as number) * batch.length;
      loss.dispose();
    }
    const boxErrorPixels = localisation ? localisationErrorPixels(weights, localisation, examples) : null;
    const referentAttentionMass = referentAttention ? meanReferentAttentionMass(weights, referentAttention, examples) : null;
    return { loss: total / examples.length, answerAccuracy: teacherForcedAnswerAccuracies(weights, examples), boxErrorPixels, referentAttentionMass };
  } finally {
    weights.dispose();
  }
}

function schedule(config: TrainerConfig) {
  return { type: 'cosine' as const, warmupSteps: config.sft.warmupSteps, totalSteps: Math.max(config.sft.steps, 1), minLrRatio: 0.1 };
}

/** The localisation objective of the run (null with `sft.localisationWeight` 0), its head restored when resuming. */
function localisationObjective(config: TrainerConfig, policy: Policy, resumeFrom: string | undefined): LocalisationObjective | null {
  const { localisationWeight: weight, localisationLayer: layer, localisationAnswerWeight: answerWeight } = config.sft;
  if (weight === 0 && answerWeight > 0) throw new Error('setting "sft.localisationAnswerWeight" needs the localisation objective on ("sft.localisationWeight" > 0)');
  if (weight === 0) return null;
  const layers = policy.params.config.text.numHiddenLayers;
  if (layer >= layers - 1) throw new Error(`setting "sft.localisationLayer" (${layer}) must be below the decoder's last layer (${layers - 1}): a layer above it has to read the positions`);
  const head = new LocalisationHead(policy.params.config.text.hiddenSize, config.seed);
  if (resumeFrom) loadAuxiliaryHead(join(resumeFrom, LOCALISATION_HEAD_FILE), head);
  return { head, layer, weight, answerWeight };
}

/** The referent-attention objective of the run (null with `sft.referentAttentionWeight` 0); its head and layer must exist. */
function referentAttentionObjective(config: TrainerConfig, policy: Policy): ReferentAttentionObjective | null {
  const { referentAttentionWeight: weight, referentAttentionLayer: layer, referentAttentionHead: head } = config.sft;
  if (weight === 0) return null;
  const { numHiddenLayers, numAttentionHeads } = policy.params.config.text;
  if (layer >= numHiddenLayers) throw new Error(`setting "sft.referentAttentionLayer" (${layer}) is not a layer of the ${numHiddenLayers}-layer decoder`);
  if (head >= numAttentionHeads) throw new Error(`setting "sft.referentAttentionHead" (${head}) is not a head of the decoder's ${numAttentionHeads}`);
  return { layer, head, weight };
}

/**
 * Supervised fine-tuning on worked solutions (the warm start of R1-style pipelines): AdamW on the
 * response tokens' cross-entropy, global-norm clipping, cosine schedule with warm-up, validation
 * loss every `sft.validateEvery` steps, resumable checkpoints every `checkpoint.every` steps. With
 * `sft.localisationWeight` > 0 the localisation objective (LocalisationHead) trains alongside, and
 * with `sft.referentAttentionWeight` > 0 the referent-attention objective.
 */
export async function runSft(options: SftRunOptions): Promise<SftRunResult> {
  const { config } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  const start = options.resumeFrom ? readRunState(options.resumeFrom) : null;
  if (start && start.configDigest !== configDigest(config)) {
    throw new Error(`--resume ${options.resumeFrom}: it was made with a different config; resume with the same settings`);
  }
  const policy = start ? Policy.load(options.resumeFrom!, { trainable: true }) : startingPolicy(config, { trainable: true });
  const images = new ImagePreparer(config.image);
  const { train, validation } = splitValidation(readSampleShards(config.data.dir, config.data.tasks), config.data.validationSamples);
  log(`sft: ${train.length} training samples, ${validation.length} validation samples, ${config.sft.steps} steps of ${config.sft.batchSize}`);
  const validationExamples = await examplesOf(validation, policy, images, config);

  const trained = selectTrainable(policy.params.variables(), config.sft.freezeVision ? ['visual.'] : [], 'sft.freezeVision');
  // a frozen variable is left out of the gradients too (lossAndGradients takes the trainable ones)
  for (const [name, variable] of policy.params.variables()) if (!trained.has(name)) variable.trainable = false;
  const localisation = localisationObjective(config, policy, start ? (options.resumeFrom ?? undefined) : undefined);
  if (localisation) for (const [name, variable] of localisation.head.variables) trained.set(name, variable);
  const auxiliary: AuxiliaryObjectives = { localisation, referentAttention: referentAttentionObjective(config, policy) };
  const optimizer = new AdamW(trained, { learningRate: config.sft.learningRate, betas: [0.9, 0.999], eps: 1e-8, weightDecay: config.sft.weightDecay });
  const firstStep = start?.step ?? 0;
  if (start) {
    const saved = loadOptimizerState(join(options.resumeFrom!, OPTIMIZER_FILE), [...trained.keys()], start.step);
    if (saved) optimizer.loadState(saved);
  }
  const metrics = new MetricsLog(join(config.out, 'sft-metrics.jsonl'));
  metrics.startAt(firstStep);
  const order = new DataOrder(train.length, config.seed);
  const progress = new ProgressBar('sft', config.sft.steps);
  progress.tick(firstStep);

  let lastValidation: number | null = null;
  /** The validation figures as metrics (names prefixed `validation_`). */
  const validationRecord = (): Record<string, number | null> => {
    const validation = validationExamples.length > 0 ? validate(policy, validationExamples, config.sft.batchSize, auxiliary) : null;
    const record: Record<string, number | null> = {
      validation_loss: validation?.loss ?? null,
      validation_answer_accuracy: validation?.answerAccuracy.all ?? null,
    };
    for (const [group, { accuracy }] of validation?.answerAccuracy.byGroup ?? []) record[`validation_answer_accuracy/${group}`] = accuracy;
    if (localisation) {
      record.validation_box_error_pixels = validation?.boxErrorPixels?.tokens ?? null;
      if (localisation.answerWeight > 0) record.validation_answer_box_error_pixels = validation?.boxErrorPixels?.answer ?? null;
    }
    if (auxiliary.referentAttention) record.validation_referent_attention_mass = validation?.referentAttentionMass ?? null;
    return record;
  };
  // With no steps to take, the run validates the model it starts from (step 0 of the metrics).
  if (config.sft.steps === 0 && firstStep === 0) {
    const record = validationRecord();
    lastValidation = record.validation_loss ?? null;
    metrics.append({ step: 0, ...record });
  }

  const weighting = { answerWeight: config.sft.answerWeight, copyWeight: config.sft.copyWeight, focalGamma: config.sft.focalGamma };
  let lastLoss = Number.NaN;
  let step = firstStep;
  let stopped = false;
  while (step < config.sft.steps) {
    const began = performance.now();
    const batch = await examplesOf(
      order.batch(step, config.sft.batchSize).map((index) => train[index]),
      policy,
      images,
      config,
    );
    const { loss, gradients } = localisation
      ? lossAndGradients(policy.params, (w) => sftLoss(w, batch, weighting, auxiliary), localisation.head.variables)
      : lossAndGradients(policy.params, (w) => sftLoss(w, batch, weighting, auxiliary));
    lastLoss = loss.dataSync()[0] as number;
    loss.dispose();
    if (!Number.isFinite(lastLoss)) throw new Error(`sft step ${step + 1}: the loss is ${lastLoss} (samples ${batch.map((e) => e.sampleId).join(', ')})`);
    const { norm } = clipGradNorm(gradients, config.sft.maxGradNorm);
    const lr = learningRateAt(step, config.sft.learningRate, schedule(config));
    optimizer.apply(gradients, lr);
    gradients.forEach((g) => g.dispose());
    step += 1;

    const seconds = (performance.now() - began) / 1000;
    const record: Record<string, number | null> = { loss: lastLoss, grad_norm: norm, learning_rate: lr, tokens_per_second: targetTokens(batch) / seconds, seconds };
    if (step % config.sft.validateEvery === 0 || step === config.sft.steps) {
      Object.assign(record, validationRecord());
      lastValidation = record.validation_loss ?? null;
    }
    if (step % config.log.every === 0 || record.validation_loss !== undefined) metrics.append({ step, ...record });
    progress.tick();
    stopped = options.shouldStop?.() ?? false;
    if (step % config.checkpoint.every === 0 || step === config.sft.steps || stopped) {
      const state = { kind: 'sft' as const, step, rngState: null, configDigest: configDigest(config) };
      await saveTrainingCheckpoint(config.out, policy, optimizer, state, localisation ? (dir) => saveAuxiliaryHead(join(dir, LOCALISATION_HEAD_FILE), localisation.head) : undefined);
    }
    if (stopped) break;
  }
  progress.finish();
  localisation?.head.dispose();
  return { policy, steps: step, finalLoss: lastLoss, validationLoss: lastValidation, stopped };
}
