// @mixed-r1/rewards: the Mixed-R1 reward kernels (SPEC.md section 2). The only public surface.

export type { RewardInput } from './reward-input';
export { RewardInputError } from './reward-input';

export { extractAnswer } from './extract-answer';
export { formatReward } from './format-reward';
export { firstYesNo, type YesNo } from './matching/yes-no';
export { chosenOption, NO_CHOICE } from './matching/multiple-choice';
export { chartScore, RELATIVE_TOLERANCE } from './chart-reward';
export { parseNumber, lastNumberIn } from './parse-number';
export { parseBox } from './parse-box';
export { inputBoxToOriginal, intersectionOverUnion, isProperBox } from './box-geometry';

export { TASK_REWARD_NAMES, type TaskRewardName, type TaskReward, type RewardContext, type ReferenceSimilarity } from './task-reward';
export { TASK_REWARDS, taskRewardFor, taskRewardNamed } from './registry';

export { DEFAULT_REWARD_CONFIG, resolveRewardConfig, type RewardConfig, type TaskWeights } from './reward-config';
export { combineRewards } from './combine';
export { scoreCompletion, type CompletionScore, type RewardComponents } from './score-completion';
export { scoreBatch, rewardInputOf, type ScoreBatchOptions } from './score-batch';

export * from './bmas';
