import type { ScheduleConfig } from '../../config/grpo-config';
import { learningRateAt, SCHEDULE_NAMES, scheduleNamed, SCHEDULES } from './registry';

const config = (type: ScheduleConfig['type'], warmupSteps: number, totalSteps: number | null, minLrRatio = 0): ScheduleConfig => ({ type, warmupSteps, totalSteps, minLrRatio });
const factors = (c: ScheduleConfig, steps: number) => Array.from({ length: steps }, (_, step) => SCHEDULES[c.type].factor(step, c));

describe('learning-rate schedules (Hugging Face get_*_schedule_with_warmup)', () => {
  it('constant', () => {
    expect(factors(config('constant', 0, null), 3)).toEqual([1, 1, 1]);
  });

  it('constant_with_warmup: step / warmup, so the first step has rate 0, then 1', () => {
    expect(factors(config('constant_with_warmup', 4, null), 6)).toEqual([0, 0.25, 0.5, 0.75, 1, 1]);
  });

  it('linear: warm-up, then (total - step) / (total - warmup) down to 0, floored at minLrRatio', () => {
    expect(factors(config('linear', 2, 6), 8)).toEqual([0, 0.5, 1, 0.75, 0.5, 0.25, 0, 0]);
    expect(factors(config('linear', 0, 4, 0.2), 5)).toEqual([1, 0.2 + 0.8 * 0.75, 0.2 + 0.8 * 0.5, 0.2 + 0.8 * 0.25, 0.2]);
  });

  it('cosine: warm-up, then 0.5 * (1 + cos(pi * progress)), held at the floor after totalSteps', () => {
    const c = config('cosine', 2, 6);
    const expected = [0, 0.5, 1, 0.5 * (1 + Math.cos(Math.PI / 4)), 0.5, 0.5 * (1 + Math.cos((3 * Math.PI) / 4)), 0, 0];
    factors(c, 8).forEach((f, i) => expect(f).toBeCloseTo(expected[i], 15));
    expect(SCHEDULES.cosine.factor(4, config('cosine', 0, 8, 0.1))).toBeCloseTo(0.1 + 0.9 * 0.5, 15);
  });

  it('learningRateAt scales the base rate; unknown names list the valid ones', () => {
    expect(learningRateAt(1, 1e-3, config('constant_with_warmup', 4, null))).toBe(2.5e-4);
    expect(SCHEDULE_NAMES).toEqual(['constant', 'constant_with_warmup', 'linear', 'cosine']);
    expect(() => scheduleNamed('step')).toThrow('unknown learning-rate schedule "step"; valid schedules: constant, constant_with_warmup, linear, cosine');
  });
});
