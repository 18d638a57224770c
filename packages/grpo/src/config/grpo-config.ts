import type { LossTypeName } from '../loss/loss-type';
import type { ScheduleName } from '../optim/schedules/schedule';
import type { RewardScalingName } from '../advantages/reward-scalings/reward-scaling';

/** What a non-finite log-prob, reward or gradient does to a step. */
export type OnNonFinite = 'error' | 'skip-group';
export const ON_NON_FINITE: readonly OnNonFinite[] = ['error', 'skip-group'];

/** torch.optim.AdamW's settings (decoupled weight decay, bias-corrected moments). */
export interface AdamWConfig {
  /** Base learning rate (TRL's and verl's default for GRPO: 1e-6). */
  readonly learningRate: number;
  /** beta1, beta2 (torch's defaults). */
  readonly betas: readonly [number, number];
  readonly eps: number;
  /** Decoupled weight decay, applied as p *= 1 - lr * weightDecay (torch.optim.AdamW's default 0.01). */
  readonly weightDecay: number;
}

/** The learning-rate schedule, as Hugging Face's `get_*_schedule_with_warmup` (optim/schedules). */
export interface ScheduleConfig {
  readonly type: ScheduleName;
  /** Optimizer steps of linear warm-up from 0 (lr factor step / warmupSteps). */
  readonly warmupSteps: number;
  /** Optimizer steps of the whole run (needed by `linear` and `cosine`); null when not used. */
  readonly totalSteps: number | null;
  /** Floor of the decaying schedules as a fraction of the base rate (verl's min_lr_ratio; 0 as HF). */
  readonly minLrRatio: number;
}

/** Every setting of the GRPO optimizer (SPEC.md section 3), resolved by `resolveGrpoConfig`. */
export interface GrpoConfig {
  /** G: completions per prompt. At least 2: a group of one has no relative advantage. */
  readonly numGenerations: number;
  /** How group-centred rewards are divided: by the group's std, the batch's, or not at all. */
  readonly scaleRewards: RewardScalingName;
  /** Added to the std before dividing (TRL: 1e-4). */
  readonly advantageEps: number;
  /** How per-token losses aggregate into the batch loss (loss/loss-types). */
  readonly lossType: LossTypeName;
  /** Lower clip range: ratio below 1 - epsLow is clipped where A < 0. */
  readonly epsLow: number;
  /** Upper clip range: ratio above 1 + epsHigh is clipped where A > 0 (DAPO's clip-higher: 0.28). */
  readonly epsHigh: number;
  /** Weight of the k3 KL to the reference policy; 0 needs no reference policy. */
  readonly beta: number;
  /** Optimizer steps per generation batch (old log-probs cached from the first). */
  readonly mu: number;
  /** The generation limit, dr_grpo's normaliser (required by it); completions may not be longer. */
  readonly maxCompletionLength: number | null;
  /** Sequences per forward/backward pass, gradients accumulated; null: the whole batch at once. */
  readonly microBatchSize: number | null;
  /** Global gradient-norm clip (torch.nn.utils.clip_grad_norm_); null: no clipping. */
  readonly maxGradNorm: number | null;
  /** Variable-name prefixes that do not train (e.g. "visual." for the vision tower). */
  readonly freeze: readonly string[];
  readonly onNonFinite: OnNonFinite;
  readonly optimizer: AdamWConfig;
  readonly schedule: ScheduleConfig;
}

/**
 * The defaults. lossType `grpo` is the sequence-mean aggregation of the GRPO paper (DeepSeekMath)
 * and VLM-R1; beta 0.04 as VLM-R1 (SPEC.md); learning rate 1e-6 as TRL and verl.
 */
export const DEFAULT_GRPO_CONFIG: GrpoConfig = Object.freeze({
  numGenerations: 8,
  scaleRewards: 'group',
  advantageEps: 1e-4,
  lossType: 'grpo',
  epsLow: 0.2,
  epsHigh: 0.2,
  beta: 0.04,
  mu: 1,
  maxCompletionLength: null,
  microBatchSize: null,
  maxGradNorm: 1.0,
  freeze: Object.freeze([]) as readonly string[],
  onNonFinite: 'error',
  optimizer: Object.freeze({ learningRate: 1e-6, betas: Object.freeze([0.9, 0.999]) as readonly [number, number], eps: 1e-8, weightDecay: 0.01 }),
  schedule: Object.freeze({ type: 'constant', warmupSteps: 0, totalSteps: null, minLrRatio: 0 }),
} satisfies GrpoConfig);
