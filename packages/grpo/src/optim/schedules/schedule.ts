import type { ScheduleConfig } from '../../config/grpo-config';

/** The names of `schedule.type` (Hugging Face's SchedulerType names). */
export type ScheduleName = 'constant' | 'constant_with_warmup' | 'linear' | 'cosine';

/**
 * A learning-rate schedule: lr(step) = learningRate * factor(step), `step` the number of optimizer
 * steps taken before this one (0 for the first), as a torch LambdaLR stepped after every optimizer
 * step. One schedule per file; the registry lists them.
 */
export interface Schedule {
  readonly name: ScheduleName;
  /** The peer this matches. */
  readonly reference: string;
  factor(step: number, config: ScheduleConfig): number;
}

/** HF's warm-up: step / max(1, warmupSteps), so the first step has learning rate 0. */
export function warmupFactor(step: number, warmupSteps: number): number {
  return step / Math.max(1, warmupSteps);
}

/** Progress through the decay after warm-up, in [0, 1] (clamped after totalSteps). */
export function decayProgress(step: number, config: ScheduleConfig): number {
  const total = config.totalSteps ?? step;
  return Math.min(1, (step - config.warmupSteps) / Math.max(1, total - config.warmupSteps));
}

/** A decaying factor in [0, 1] lifted onto [minLrRatio, 1] (verl's min_lr_ratio; identity at 0). */
export function withFloor(factor: number, minLrRatio: number): number {
  return minLrRatio + (1 - minLrRatio) * factor;
}
