import { decayProgress, warmupFactor, withFloor, type Schedule } from './schedule';

/**
 * Linear warm-up, then linear decay to minLrRatio at totalSteps (HF
 * `get_linear_schedule_with_warmup`: max(0, (total - step) / max(1, total - warmup)) = 1 - progress).
 */
export const linearSchedule: Schedule = {
  name: 'linear',
  reference: 'transformers get_linear_schedule_with_warmup',
  factor: (step, config) =>
    step < config.warmupSteps ? warmupFactor(step, config.warmupSteps) : withFloor(1 - decayProgress(step, config), config.minLrRatio),
};
