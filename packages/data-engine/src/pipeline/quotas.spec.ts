import type { TaskType } from '@mixed-r1/records';
import { DEFAULT_ENGINE_CONFIG, type QuotaSettings } from '../config/engine-config';
import { chooseWithinQuotas, type QuotaItem } from './quotas';

function items(count: number, task: TaskType, source: string): QuotaItem[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${source}-${task}-${i}`, task, source }));
}

const quotas = (perTask: Partial<Record<TaskType, number>>, perSource: Record<string, number> = {}): QuotaSettings => ({
  perTask: { ...DEFAULT_ENGINE_CONFIG.quotas.perTask, ...perTask },
  perSource,
});

describe('chooseWithinQuotas', () => {
  const pool = [...items(50, 'chart', 'a'), ...items(50, 'chart', 'b'), ...items(30, 'yes_no', 'a')];

  it('keeps at most the task quota and names the quota of what it turns away', () => {
    const choice = chooseWithinQuotas(pool, quotas({ chart: 40 }), 7);
    expect(choice.kept.filter((item) => item.task === 'chart')).toHaveLength(40);
    expect(choice.kept.filter((item) => item.task === 'yes_no')).toHaveLength(30);
    expect(choice.overQuota).toHaveLength(60);
    expect(choice.overQuota[0].reason).toBe('over quota: the chart quota of 40 is full (quotas.perTask.chart)');
    expect(choice.perTask.chart).toEqual({ quota: 40, available: 100, kept: 40 });
  });

  it('applies source caps on top of task quotas', () => {
    const choice = chooseWithinQuotas(pool, quotas({ chart: 40 }, { b: 5 }), 7);
    expect(choice.kept.filter((item) => item.source === 'b')).toHaveLength(5);
    expect(choice.kept.filter((item) => item.task === 'chart')).toHaveLength(40);
    expect(choice.overQuota.some((entry) => entry.reason === 'over quota: the cap of 5 on source b is full (quotas.perSource["b"])')).toBe(true);
    expect(choice.perSource.b).toEqual({ quota: 5, available: 50, kept: 5 });
  });

  it('chooses the same items for the same seed, other items for another, every item exactly once', () => {
    const first = chooseWithinQuotas(pool, quotas({ chart: 40 }), 7);
    const again = chooseWithinQuotas(pool, quotas({ chart: 40 }), 7);
    const other = chooseWithinQuotas(pool, quotas({ chart: 40 }), 8);
    expect(again.kept.map((item) => item.id)).toEqual(first.kept.map((item) => item.id));
    expect(new Set(other.kept.map((item) => item.id))).not.toEqual(new Set(first.kept.map((item) => item.id)));
    const all = [...first.kept, ...first.overQuota.map((entry) => entry.item)].map((item) => item.id).sort();
    expect(all).toEqual(pool.map((item) => item.id).sort());
  });

  it('takes a fair sample: both sources of a task are represented about evenly', () => {
    const choice = chooseWithinQuotas(pool, quotas({ chart: 40 }), 11);
    const fromA = choice.kept.filter((item) => item.task === 'chart' && item.source === 'a').length;
    expect(fromA).toBeGreaterThan(10);
    expect(fromA).toBeLessThan(30);
  });
});
