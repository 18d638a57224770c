import { decayProgress, warmupFactor, withFloor, type Schedule } from './schedule';

/**
 * Linear warm-up, then half a cosine down to minLrRatio at totalSteps (HF
 * `get_cosine_schedule_with_warmup` with num_cycles 0.5: 0.5 * (1 + cos(pi * progress)); verl's
 * min_lr_ratio floor). After totalSteps the factor stays at the floor (HF's would rise again).
 */
export const cosineSchedule: Schedule = {
  name: 'cosine',
  reference: 'transformers get_cosine_schedule_with_warmup; verl min_lr_ratio',
  factor: (step, config) =>
    step < config.warmupSteps
      ? warmupFactor(step, config.warmupSteps)
      : withFloor(0.5 * (1 + Math.cos(Math.PI * decayProgress(step, config))), config.minLrRatio),
};
