import type { Schedule } from './schedule';

/** The base rate throughout (HF `get_constant_schedule`). */
export const constantSchedule: Schedule = {
  name: 'constant',
  reference: 'transformers get_constant_schedule',
  factor: () => 1,
};
