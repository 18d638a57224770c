import { advantageSchema, buildBatch, rewardSchema, rowsFromBatch } from '@mixed-r1/records';
import { resolveGrpoConfig } from '../config/resolve-config';
import { NonFiniteError } from '../guards/non-finite-error';
import { loadReferenceFixture } from '../testing';
import { advantageBatch } from './advantage-batch';
import { computeAdvantages, type AdvantageSettings } from './compute-advantages';

const settings = (overrides: Record<string, unknown> = {}): AdvantageSettings => resolveGrpoConfig({ numGenerations: 3, ...overrides });

/** Three completions per prompt: rewards of "a" 1, 0, 0.5; of "b" all 0.5 (zero std). */
function rows(totals: Record<string, number[]>) {
  return Object.entries(totals).flatMap(([sampleId, rewards]) => rewards.map((total, groupIndex) => ({ sampleId, groupIndex, total })));
}

describe('computeAdvantages', () => {
  // By hand: group "a" has mean 0.5 and Bessel std sqrt((0.25 + 0.25 + 0) / 2) = 0.5.
  const a = 0.5 / (0.5 + 1e-4);

  it('scale_rewards "group": (r - mean) / (std + eps), zero-std groups 0 and counted', () => {
    const result = computeAdvantages(rows({ a: [1, 0, 0.5], b: [0.5, 0.5, 0.5] }), settings());
    expect(result.rows.map((r) => r.advantage)).toEqual([a, -a, 0, 0, 0, 0]);
    expect(result.rows.map((r) => [r.sampleId, r.groupIndex, r.reward])).toEqual([
      ['a', 0, 1], ['a', 1, 0], ['a', 2, 0.5], ['b', 0, 0.5], ['b', 1, 0.5], ['b', 2, 0.5],
    ]);
    expect(result.stats).toMatchObject({ groups: 2, zeroStdGroups: 1, fracRewardZeroStd: 0.5, rewardMean: 0.5, advantageMin: -a, advantageMax: a });
    expect(result.skipped).toEqual([]);
  });

  it('scale_rewards "batch": group mean, batch std', () => {
    // All six rewards: mean 0.5, squares 0.25 + 0.25 = 0.5, Bessel std sqrt(0.5 / 5) = sqrt(0.1).
    const result = computeAdvantages(rows({ a: [1, 0, 0.5], b: [0.5, 0.5, 0.5] }), settings({ scaleRewards: 'batch' }));
    const d = Math.sqrt(0.1) + 1e-4;
    expect(result.rows.map((r) => r.advantage)).toEqual([0.5 / d, -0.5 / d, 0, 0, 0, 0]);
  });

  it('scale_rewards "none" (Dr.GRPO): r - mean', () => {
    const result = computeAdvantages(rows({ a: [1, 0, 0.25] }), settings({ scaleRewards: 'none' }));
    const mean = 1.25 / 3;
    expect(result.rows.map((r) => r.advantage)).toEqual([1 - mean, -mean, 0.25 - mean]);
  });

  it('groups by sample_id wherever the rows are, members by group_index', () => {
    const input = [
      { sampleId: 'x', groupIndex: 2, total: 0 },
      { sampleId: 'y', groupIndex: 0, total: 1 },
      { sampleId: 'x', groupIndex: 0, total: 1 },
      { sampleId: 'y', groupIndex: 1, total: 1 },
    ];
    const result = computeAdvantages(input, settings({ numGenerations: 2 }));
    const x = 0.5 / (Math.SQRT1_2 + 1e-4);
    expect(result.rows.map((r) => [r.sampleId, r.groupIndex, r.advantage])).toEqual([['x', 2, -x], ['y', 0, 0], ['x', 0, x], ['y', 1, 0]]);
  });

  it('names the sample of a group of the wrong size or with a repeated group_index', () => {
    expect(() => computeAdvantages(rows({ a: [1, 0] }), settings())).toThrow(/sample "a" has 2 completion\(s\) \(group_index 0, 1\), expected numGenerations = 3/);
    const repeated = [...rows({ a: [1, 0] }), { sampleId: 'a', groupIndex: 1, total: 1 }];
    expect(() => computeAdvantages(repeated, settings())).toThrow(/sample "a" has group_index 1 more than once/);
  });

  it('stops at a non-finite reward naming the sample and completion, or skips its group', () => {
    const input = rows({ a: [1, Number.NaN, 0], b: [1, 0, 0] });
    expect(() => computeAdvantages(input, settings())).toThrow(NonFiniteError);
    expect(() => computeAdvantages(input, settings())).toThrow(/reward of sample "a" group_index 1 is NaN/);
    const skipped = computeAdvantages(input, settings({ onNonFinite: 'skip-group' }));
    expect(skipped.rows.map((r) => r.sampleId)).toEqual(['b', 'b', 'b']);
    expect(skipped.skipped).toEqual([{ sampleId: 'a', reason: expect.stringMatching(/reward of sample "a" group_index 1 is NaN/) }]);
    expect(skipped.stats.groups).toBe(1);
  });

  it('matches the PyTorch reference (TRL _generate_and_score_completions) for every scaling', () => {
    const fixture = loadReferenceFixture();
    const input = fixture.sequences.map((s, i) => ({ sampleId: s.sampleId, groupIndex: s.groupIndex, total: fixture.rewards[i] }));
    for (const scaleRewards of ['group', 'batch', 'none'] as const) {
      const result = computeAdvantages(input, settings({ scaleRewards }));
      result.rows.forEach((r, i) => expect(Math.abs(r.advantage - fixture.advantages[scaleRewards][i])).toBeLessThan(1e-6));
    }
  });
});

describe('advantageBatch', () => {
  it('turns a records reward batch into a validated advantage batch', () => {
    const rewardRows = rows({ a: [1, 0, 0.5] }).map((r) => ({
      ...r, task: 'yes_no' as const, format: 1, matching: r.total, chart: null, iou: null, bmas: null, reason: null,
    }));
    const out = advantageBatch(buildBatch(rewardSchema, rewardRows), settings());
    const back = rowsFromBatch(advantageSchema, out.batch);
    const a = 0.5 / (0.5 + 1e-4);
    expect(back).toEqual([
      { sampleId: 'a', groupIndex: 0, reward: 1, advantage: Math.fround(a) },
      { sampleId: 'a', groupIndex: 1, reward: 0, advantage: Math.fround(-a) },
      { sampleId: 'a', groupIndex: 2, reward: 0.5, advantage: 0 },
    ]);
    expect(out.stats.fracRewardZeroStd).toBe(0);
  });
});
