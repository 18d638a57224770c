import type { TaskType } from '@mixed-r1/records';
import { DEFAULT_REWARD_CONFIG, resolveRewardConfig } from './reward-config';
import type { RewardInput } from './reward-input';
import { scoreCompletion } from './score-completion';
import type { ReferenceSimilarity, RewardContext } from './task-reward';

const NO_CONTEXT: RewardContext = { similarity: null };
const WELL_FORMED = (answer: string) => `<think>looking</think><answer>${answer}</answer>`;

function input(task: TaskType, completion: string, extra: Partial<RewardInput> = {}): RewardInput {
  return { id: 's1', task, completion, answer: 'yes', ...extra };
}

describe('scoreCompletion', () => {
  it('sums the task and format rewards with unit weights', () => {
    const score = scoreCompletion(input('yes_no', WELL_FORMED('Yes')), DEFAULT_REWARD_CONFIG, NO_CONTEXT);
    expect(score).toEqual({ total: 2, components: { format: 1, matching: 1, chart: null, iou: null, bmas: null }, reason: null });
  });

  it('gives 0 for a wrong, unformatted answer, keeping both components', () => {
    const score = scoreCompletion(input('yes_no', 'no'), DEFAULT_REWARD_CONFIG, NO_CONTEXT);
    expect(score.total).toBe(0);
    expect(score.components).toMatchObject({ format: 0, matching: 0 });
  });

  it('applies the task weights of the config', () => {
    const config = resolveRewardConfig({ weights: { yes_no: { task: 2, format: 0.5 } } });
    expect(scoreCompletion(input('yes_no', WELL_FORMED('yes')), config, NO_CONTEXT).total).toBe(2.5);
    expect(scoreCompletion(input('chart', WELL_FORMED('7'), { answer: '7' }), config, NO_CONTEXT).total).toBe(2);
  });

  it('leaves disabled reward families null (ablation)', () => {
    const config = resolveRewardConfig({ enabled: ['matching'] });
    const score = scoreCompletion(input('yes_no', WELL_FORMED('yes')), config, NO_CONTEXT);
    expect(score.components.format).toBeNull();
    expect(score.total).toBe(1);
  });

  it('scores an oversized completion 0 with its reason', () => {
    const huge = WELL_FORMED('yes') + ' '.repeat(40_000);
    const score = scoreCompletion(input('yes_no', huge), DEFAULT_REWARD_CONFIG, NO_CONTEXT);
    expect(score.total).toBe(0);
    expect(score.components).toMatchObject({ format: 0, matching: 0 });
    expect(score.reason).toMatch(/sample "s1".*40\d{3} bytes.*32768-byte cap/);
  });

  it('counts UTF-8 bytes, not characters, against the cap', () => {
    const config = resolveRewardConfig({ maxCompletionBytes: 3000 });
    const emoji = '😀'.repeat(800); // 1,600 UTF-16 units, 3,200 UTF-8 bytes
    expect(scoreCompletion(input('yes_no', emoji), config, NO_CONTEXT).reason).toMatch(/3200 bytes/);
  });

  it('records an unknown task instead of throwing', () => {
    const score = scoreCompletion(input('poetry' as TaskType, 'yes'), DEFAULT_REWARD_CONFIG, NO_CONTEXT);
    expect(score.total).toBe(0);
    expect(score.reason).toMatch(/unknown task "poetry"/);
  });

  it('keeps the format reward and a reason when the sample cannot be scored', () => {
    const score = scoreCompletion(input('multiple_choice', WELL_FORMED('B'), { answer: 'B', options: [] }), DEFAULT_REWARD_CONFIG, NO_CONTEXT);
    expect(score.components).toMatchObject({ format: 1, matching: null });
    expect(score.total).toBe(1);
    expect(score.reason).toMatch(/sample "s1": multiple-choice sample has no options/);
  });

  it('gives open-ended rows a null BMAS and a reason without an embedding table', () => {
    const score = scoreCompletion(input('open_ended', WELL_FORMED('a cat')), DEFAULT_REWARD_CONFIG, NO_CONTEXT);
    expect(score.components.bmas).toBeNull();
    expect(score.reason).toMatch(/embedding/);
    expect(score.total).toBe(1);
  });

  it('asks the similarity scorer with the extracted answer, the reference and the sample id', () => {
    const calls: string[][] = [];
    const similarity: ReferenceSimilarity = {
      score: (answer, reference, key) => {
        calls.push([answer, reference, key ?? '']);
        return 0.25;
      },
    };
    const completion = WELL_FORMED(' a cat on a mat ');
    const score = scoreCompletion(input('open_ended', completion, { id: 'o9', answer: 'A cat.' }), DEFAULT_REWARD_CONFIG, { similarity });
    expect(calls).toEqual([['a cat on a mat', 'A cat.', 'o9']]);
    expect(score.total).toBe(1.25);
  });

  it('scores the extracted answer, not the thinking', () => {
    const completion = '<think>The answer is no, or is it?</think><answer>yes</answer>';
    expect(scoreCompletion(input('yes_no', completion), DEFAULT_REWARD_CONFIG, NO_CONTEXT).components.matching).toBe(1);
  });
});

describe('resolveRewardConfig', () => {
  it('defaults to weights 1 and 1, every reward, a 32 KiB cap', () => {
    const config = resolveRewardConfig();
    expect(config.weights.grounding).toEqual({ task: 1, format: 1 });
    expect(config.enabled).toEqual(['format', 'matching', 'chart', 'iou', 'bmas']);
    expect(config.maxCompletionBytes).toBe(32768);
  });
  it('is frozen', () => {
    const config = resolveRewardConfig();
    expect(Object.isFrozen(config.weights.chart)).toBe(true);
  });
  it.each([
    [{ weight: {} }, /unknown setting "weight"; valid settings: weights, enabled/],
    [{ weights: { charts: {} } }, /weights: unknown setting "charts"/],
    [{ weights: { chart: { taks: 1 } } }, /weights\.chart: unknown setting "taks"/],
    [{ weights: { chart: { task: -1 } } }, /weights\.chart\.task: expected a finite number >= 0, found -1/],
    [{ weights: { chart: { format: 'x' } } }, /weights\.chart\.format: expected a finite number/],
    [{ enabled: ['iou', 'clip'] }, /enabled: unknown reward "clip"; valid rewards: format, matching/],
    [{ maxCompletionBytes: 0 }, /maxCompletionBytes: expected a positive whole number/],
    [[1, 2], /expected a JSON object/],
  ])('rejects %j naming the setting', (overrides, message) => {
    expect(() => resolveRewardConfig(overrides, 'cfg.json')).toThrow(message);
  });
});
