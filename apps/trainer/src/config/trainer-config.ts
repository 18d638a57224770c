import { TASK_TYPES } from '@mixed-r1/records';
import { REWARD_COMPONENTS } from '@mixed-r1/records';
import { BACKEND_REQUESTS } from '@mixed-r1/policy';
import { OPTION_ANSWERS, type OptionAnswers } from '../data/sft-target';
import { REFERENT_TARGET_KINDS, type ReferentTargetKind } from '../referent-attention/referent-target-kind';
import {
  fraction,
  listOf,
  nonNegativeInteger,
  nonNegativeNumber,
  oneOf,
  positiveInteger,
  positiveNumber,
  resolveConfigTree,
  type ConfigLayer,
  type SettingCheck,
} from './config-tree';

const taskWeights = Object.fromEntries(TASK_TYPES.map((task) => [task, { task: 1, format: 1 }]));

/**
 * Every setting of the trainer with its default: the one typed tree of the app
 * (defaults < --config FILE < command line).
 */
export const TRAINER_DEFAULTS = {
  /** Checkpoint folder (Hugging Face layout) to start from. */
  model: 'data/models/tiny-vlm',
  /** 'tiny': start from random weights of the tiny configuration, with the tokenizer in `model`. */
  initialize: 'checkpoint',
  /** Run folder: metrics.jsonl, checkpoints, reports. */
  out: 'runs/latest',
  backend: 'auto',
  seed: 1234,
  data: {
    /** Mixed-45K shards (nx run data-engine:build-mixed45k). */
    dir: 'data/mixed-45k',
    /** Held-out benchmark in VLMEvalKit TSV (written by the data engine). */
    bench: 'data/bench/mixed-bench.tsv',
    tasks: [...TASK_TYPES] as string[],
    /** Samples held out of training for the validation loss. */
    validationSamples: 100,
  },
  image: {
    /** Qwen2.5-VL smart_resize bounds; the tiny model sees small images (about 224 x 224 pixels: 64 image tokens). */
    minPixels: 3136,
    maxPixels: 50176,
  },
  sft: {
    steps: 600,
    batchSize: 8,
    learningRate: 3e-3,
    warmupSteps: 30,
    weightDecay: 0.01,
    maxGradNorm: 1,
    /** Sentences of the worked solution's <think> kept in the target (0: all; -1: an empty <think>). */
    thinkSentences: 1,
    /** Task types trained on their whole worked solution (every <think> sentence), e.g. where the last sentence carries the decision. */
    fullThinkTasks: [] as string[],
    /** Task types trained on the answer alone (an empty <think>), e.g. yes/no with `referentAttentionTargets` 'answer'; none may be in fullThinkTasks too. */
    emptyThinkTasks: [] as string[],
    /** How multiple-choice targets answer: 'letter' (the option's letter) or 'text' (the option's text, which the matching reward reads as that option). */
    optionAnswers: 'letter' as OptionAnswers,
    /** Sentences of an open-ended reference kept in the target (0: all). */
    answerSentences: 2,
    /** Weight of the answer span's tokens in each example's loss, against 1 for the reasoning's (1: the plain mean). */
    answerWeight: 1,
    /** Weight of the reasoning's tokens that repeat a word of the question or its options (the templates' slots: "None of them is a <blue diamond>"), against 1 (1: off). */
    copyWeight: 1,
    /** Focal loss (Lin et al. 2017): each target token's term scaled by (1 - p)^gamma, so the tokens the model already predicts count little (0: off). */
    focalGamma: 0,
    /** Keep the vision tower as it is (e.g. after trainer:perceive) and train the rest. */
    freezeVision: false,
    /** Weight of the localisation objective (a read-out of each image token's and object's position from the decoder; 0: off). */
    localisationWeight: 0,
    /** The decoder layer (0-based) whose output the localisation head reads; the layers above it read the positions from there. */
    localisationLayer: 1,
    /** Weight of the localisation objective's answer read-out on grounding samples (the asked-for box at the answer; 0: off). */
    localisationAnswerWeight: 0,
    /**
     * Weight of the referent-attention objective: one attention head learns to look, from each
     * mention of scene objects after the image ("the red diamond"), at the image tokens showing
     * them (0: off).
     */
    referentAttentionWeight: 0,
    /** The decoder layer (0-based) of that head. */
    referentAttentionLayer: 2,
    /** The query head (0-based) of that layer that the objective trains. */
    referentAttentionHead: 0,
    /** Also query from the response tokens after each phrase (to the sentence's end) and from a grounding answer; false: the phrases' last tokens only. */
    referentAttentionSpans: true,
    /**
     * What that head looks at: "objects", the image tokens of the scene's objects each mention
     * names; "question", from each reasoning token, the same token in the user's text (the row's
     * first token when there is none), so the answer can read whether a value repeats the question's;
     * "answer", from the answer's tokens, the image tokens of the objects the question names (an
     * attribute question: of the kind it asks after), or <|vision_start|> when the scene has none.
     */
    referentAttentionTargets: 'objects' as ReferentTargetKind,
    /** The task types whose examples the objective trains on, e.g. yes_no alone with "answer" targets, where the answer reads the image rather than a reasoning to copy. */
    referentAttentionTasks: [...TASK_TYPES] as string[],
    validateEvery: 100,
  },
  perception: {
    steps: 1000,
    batchSize: 8,
    learningRate: 2e-3,
    warmupSteps: 10,
    weightDecay: 0,
    maxGradNorm: 1,
    /** Scene samples held out to measure the heads' token accuracy. */
    validationSamples: 64,
    validateEvery: 100,
  },
  grpo: {
    steps: 100,
    promptsPerStep: 4,
    groupSize: 8,
    maxNewTokens: 64,
    /** Sampling temperature of the rollouts. Below the usual 1: at 1 the tiny model's samples are noisy enough that the default run lost held-out accuracy (the README). */
    temperature: 0.7,
    topP: 1,
    topK: 0,
    learningRate: 2e-4,
    warmupSteps: 0,
    beta: 0.04,
    epsLow: 0.2,
    epsHigh: 0.2,
    lossType: 'grpo',
    scaleRewards: 'group',
    mu: 1,
    weightDecay: 0,
    maxGradNorm: 1,
    freezeVision: false,
  },
  rewards: {
    /** Reward families to compute (ablations): the others are null. */
    enabled: [...REWARD_COMPONENTS] as string[],
    weights: taskWeights,
    /** Folder with tokenizer.json and the embedding table for BMAS; null: the starting model's. */
    embeddings: null as string | null,
  },
  evaluation: {
    /** Held-out questions per task type before and after training (0: skip). */
    perTask: 40,
    maxNewTokens: 96,
    batchSize: 8,
  },
  log: { every: 1 },
  checkpoint: { every: 100 },
};

export type TrainerConfig = typeof TRAINER_DEFAULTS;

const CHECKS: Readonly<Record<string, SettingCheck>> = {
  backend: oneOf(BACKEND_REQUESTS),
  initialize: oneOf(['checkpoint', 'tiny']),
  seed: nonNegativeInteger,
  'data.tasks': listOf(TASK_TYPES),
  'data.validationSamples': nonNegativeInteger,
  'image.minPixels': positiveInteger,
  'image.maxPixels': positiveInteger,
  'sft.steps': nonNegativeInteger,
  'sft.batchSize': positiveInteger,
  'sft.learningRate': positiveNumber,
  'sft.warmupSteps': nonNegativeInteger,
  'sft.weightDecay': nonNegativeNumber,
  'sft.maxGradNorm': positiveNumber,
  'sft.thinkSentences': (v) => (Number.isInteger(v) && (v as number) >= -1 ? null : 'expected a whole number >= -1'),
  'sft.answerSentences': nonNegativeInteger,
  'sft.fullThinkTasks': listOf(TASK_TYPES),
  'sft.emptyThinkTasks': listOf(TASK_TYPES),
  'sft.optionAnswers': oneOf(OPTION_ANSWERS),
  'sft.answerWeight': positiveNumber,
  'sft.copyWeight': positiveNumber,
  'sft.focalGamma': nonNegativeNumber,
  'sft.localisationWeight': nonNegativeNumber,
  'sft.localisationLayer': nonNegativeInteger,
  'sft.localisationAnswerWeight': nonNegativeNumber,
  'sft.referentAttentionWeight': nonNegativeNumber,
  'sft.referentAttentionLayer': nonNegativeInteger,
  'sft.referentAttentionHead': nonNegativeInteger,
  'sft.referentAttentionTargets': oneOf(REFERENT_TARGET_KINDS),
  'sft.referentAttentionTasks': listOf(TASK_TYPES),
  'sft.validateEvery': positiveInteger,
  'perception.steps': nonNegativeInteger,
  'perception.batchSize': positiveInteger,
  'perception.learningRate': positiveNumber,
  'perception.warmupSteps': nonNegativeInteger,
  'perception.weightDecay': nonNegativeNumber,
  'perception.maxGradNorm': positiveNumber,
  'perception.validationSamples': nonNegativeInteger,
  'perception.validateEvery': positiveInteger,
  'grpo.steps': nonNegativeInteger,
  'grpo.promptsPerStep': positiveInteger,
  'grpo.groupSize': (v) => (Number.isInteger(v) && (v as number) >= 2 ? null : 'expected a whole number >= 2 (GRPO compares completions within a group)'),
  'grpo.maxNewTokens': positiveInteger,
  'grpo.temperature': positiveNumber,
  'grpo.topP': (v) => (typeof v === 'number' && v > 0 && v <= 1 ? null : 'expected a number in (0, 1]'),
  'grpo.topK': nonNegativeInteger,
  'grpo.learningRate': positiveNumber,
  'grpo.warmupSteps': nonNegativeInteger,
  'grpo.beta': nonNegativeNumber,
  'grpo.epsLow': fraction,
  'grpo.epsHigh': nonNegativeNumber,
  'grpo.lossType': oneOf(['grpo', 'dapo', 'dr_grpo']),
  'grpo.scaleRewards': oneOf(['group', 'batch', 'none']),
  'grpo.mu': positiveInteger,
  'grpo.weightDecay': nonNegativeNumber,
  'grpo.maxGradNorm': positiveNumber,
  'rewards.enabled': listOf(REWARD_COMPONENTS),
  'evaluation.perTask': nonNegativeInteger,
  'evaluation.maxNewTokens': positiveInteger,
  'evaluation.batchSize': positiveInteger,
  'log.every': positiveInteger,
  'checkpoint.every': positiveInteger,
};

/** The trainer's config from its defaults and the given layers, checked and frozen. */
export function resolveTrainerConfig(layers: readonly ConfigLayer[]): TrainerConfig {
  const config = resolveConfigTree(TRAINER_DEFAULTS as unknown as Parameters<typeof resolveConfigTree>[0], layers, CHECKS) as unknown as TrainerConfig;
  if (config.image.minPixels > config.image.maxPixels) {
    throw new Error(`setting "image.minPixels" (${config.image.minPixels}) must not exceed "image.maxPixels" (${config.image.maxPixels})`);
  }
  const inBoth = config.sft.emptyThinkTasks.filter((task) => config.sft.fullThinkTasks.includes(task));
  if (inBoth.length > 0) {
    throw new Error(`settings "sft.fullThinkTasks" and "sft.emptyThinkTasks" both name ${inBoth.join(', ')}: a task's <think> is either whole or empty`);
  }
  return config;
}
