import type { ScheduleConfig } from '../../config/grpo-config';
import { constantSchedule } from './constant';
import { constantWithWarmupSchedule } from './constant-with-warmup';
import { cosineSchedule } from './cosine';
import { linearSchedule } from './linear';
import type { Schedule, ScheduleName } from './schedule';

/** Every learning-rate schedule, by name: the one place they are registered. */
export const SCHEDULES: Readonly<Record<ScheduleName, Schedule>> = Object.freeze({
  constant: constantSchedule,
  constant_with_warmup: constantWithWarmupSchedule,
  linear: linearSchedule,
  cosine: cosineSchedule,
});

export const SCHEDULE_NAMES = Object.freeze(Object.keys(SCHEDULES)) as readonly ScheduleName[];

/** A schedule by name; an unknown name throws with the valid names. */
export function scheduleNamed(name: string): Schedule {
  if (!(SCHEDULE_NAMES as readonly string[]).includes(name)) {
    throw new Error(`unknown learning-rate schedule "${name}"; valid schedules: ${SCHEDULE_NAMES.join(', ')}`);
  }
  return SCHEDULES[name as ScheduleName];
}

/** The learning rate of the optimizer step that follows `step` completed ones. */
export function learningRateAt(step: number, baseRate: number, config: ScheduleConfig): number {
  return baseRate * SCHEDULES[config.type].factor(step, config);
}
