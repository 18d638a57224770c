// @mixed-r1/grpo: the GRPO optimizer (SPEC.md section 3). The only public surface.

// Config
export { DEFAULT_GRPO_CONFIG, ON_NON_FINITE, type GrpoConfig, type AdamWConfig, type ScheduleConfig, type OnNonFinite } from './config/grpo-config';
export { resolveGrpoConfig } from './config/resolve-config';
export { GrpoConfigError } from './config/config-error';

// Advantages: the reward batch -> the advantage batch
export { computeAdvantages, type AdvantageSettings, type AdvantageStats, type AdvantageResult } from './advantages/compute-advantages';
export { advantageBatch, type AdvantageBatch, type RecordTable } from './advantages/advantage-batch';
export { groupRewards, type RewardInput, type RewardGroup } from './advantages/group-rewards';
export { REWARD_SCALINGS, REWARD_SCALING_NAMES, rewardScalingNamed } from './advantages/reward-scalings/registry';
export type { RewardScaling, RewardScalingName } from './advantages/reward-scalings/reward-scaling';

// The loss
export { computeLoss, type LossInputs, type LossOutput, type LossMetricSums, type LossSettings } from './loss/compute-loss';
export { addMetricSums, tokenMetrics, type TokenMetrics } from './loss/loss-metrics';
export { LOSS_TYPES, LOSS_TYPE_NAMES, lossTypeNamed } from './loss/registry';
export type { LossType, LossTypeName, AggregationContext } from './loss/loss-type';

// The update
export { AdamW, type AdamWState } from './optim/adamw';
export { clipGradNorm, clipCoefficient, globalNorm } from './optim/clip-grad-norm';
export { SCHEDULES, SCHEDULE_NAMES, scheduleNamed, learningRateAt } from './optim/schedules/registry';
export type { Schedule, ScheduleName } from './optim/schedules/schedule';
export { GrpoOptimizer, type GrpoOptimizerOptions, type StepResult } from './train/grpo-optimizer';
export type { StepMetrics } from './train/step-metrics';
export type { CompletionSequence, LogProbScorer, LogProbPolicy } from './train/log-prob-policy';
export { selectTrainable } from './train/trainable';
export { trainingBatch, type TrainingBatch, type AdvantagesInput } from './batch/training-batch';
export { microBatches } from './batch/micro-batches';

// Guards
export { NonFiniteError, type NonFiniteSite, type SkippedGroup } from './guards/non-finite-error';

// The policy package's model as a LogProbPolicy
export { qwenLogProbPolicy, type QwenPolicyOptions } from './policy/qwen-log-prob-policy';
