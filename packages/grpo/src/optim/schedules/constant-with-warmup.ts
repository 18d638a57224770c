import { warmupFactor, type Schedule } from './schedule';

/** Linear warm-up from 0 over warmupSteps, then the base rate (HF `get_constant_schedule_with_warmup`). */
export const constantWithWarmupSchedule: Schedule = {
  name: 'constant_with_warmup',
  reference: 'transformers get_constant_schedule_with_warmup',
  factor: (step, config) => (step < config.warmupSteps ? warmupFactor(step, config.warmupSteps) : 1),
};
