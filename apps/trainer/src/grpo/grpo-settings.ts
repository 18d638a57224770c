import { resolveGrpoConfig, type GrpoConfig } from '@mixed-r1/grpo';
import { resolveRewardConfig, type RewardConfig } from '@mixed-r1/rewards';
import type { TrainerConfig } from '../config/trainer-config';

/** The grpo package's config from the trainer's `grpo` settings. */
export function grpoConfigOf(config: TrainerConfig): GrpoConfig {
  const g = config.grpo;
  return resolveGrpoConfig(
    {
      numGenerations: g.groupSize,
      scaleRewards: g.scaleRewards,
      lossType: g.lossType,
      epsLow: g.epsLow,
      epsHigh: g.epsHigh,
      beta: g.beta,
      mu: g.mu,
      maxCompletionLength: g.maxNewTokens,
      maxGradNorm: g.maxGradNorm,
      freeze: g.freezeVision ? ['visual.'] : [],
      optimizer: { learningRate: g.learningRate, weightDecay: g.weightDecay },
      schedule: g.warmupSteps > 0 ? { type: 'constant_with_warmup', warmupSteps: g.warmupSteps } : { type: 'constant' },
    },
    'trainer grpo settings',
  );
}

/** The rewards package's config from the trainer's `rewards` settings. */
export function rewardConfigOf(config: TrainerConfig): RewardConfig {
  return resolveRewardConfig({ weights: config.rewards.weights, enabled: config.rewards.enabled }, 'trainer rewards settings');
}
