import { scoredRow } from '../testing';
import { summarizeGroup } from './group-summary';

const settings = { resamples: 200, level: 0.95, seed: 0 };

describe('group summaries', () => {
  it('accuracy is the mean correctness over rows of every task but open-ended; each metric its own mean', () => {
    const rows = [
      scoredRow('B', 0, 'yes_no', 1),
      scoredRow('B', 1, 'yes_no', 0, { format: 0 }),
      scoredRow('B', 2, 'grounding', 1, { others: { mean_iou: 0.75 } }),
      scoredRow('B', 3, 'grounding', 0, { others: { mean_iou: 0.25 } }),
      scoredRow('B', 4, 'open_ended', 0.6),
    ];
    const group = summarizeGroup({ key: 'all', label: 'all' }, rows, settings);
    expect(group.rows).toBe(5);
    expect(group.accuracy?.mean).toBe(0.5);
    expect(group.accuracy?.n).toBe(4);
    expect(group.headline).toMatchObject({ metric: 'accuracy', label: 'accuracy' });
    const mean = (name: string) => group.metrics.find((metric) => metric.metric === name)?.estimate?.mean;
    expect(mean('mean_iou')).toBe(0.5);
    expect(mean('bmas')).toBe(0.6);
    expect(mean('format')).toBe(0.8);
    expect(group.metrics.map((metric) => metric.metric)).toEqual(['matching_accuracy', 'acc_iou_0_5', 'mean_iou', 'bmas', 'format']);
  });

  it('a task group is headed by its task\'s metric: Acc@0.5 for grounding, mean BMAS for open-ended', () => {
    const grounding = summarizeGroup({ key: 'g', label: 'grounding', task: 'grounding' }, [scoredRow('B', 0, 'grounding', 1), scoredRow('B', 1, 'grounding', 1)], settings);
    expect(grounding.headline).toMatchObject({ metric: 'accuracy', label: 'Acc@0.5' });
    expect(grounding.headline.estimate?.mean).toBe(1);
    const open = summarizeGroup({ key: 'o', label: 'open_ended', task: 'open_ended' }, [scoredRow('B', 0, 'open_ended', 0.4), scoredRow('B', 1, 'open_ended', 0.8)], settings);
    expect(open.headline.metric).toBe('bmas');
    expect(open.headline.estimate?.mean).toBeCloseTo(0.6, 12);
    expect(open.accuracy).toBeNull();
  });

  it('a metric no row has a value for is n/a with the first reason', () => {
    const open = summarizeGroup({ key: 'o', label: 'open_ended', task: 'open_ended' }, [scoredRow('B', 0, 'open_ended', null)], settings);
    expect(open.headline).toEqual({ metric: 'bmas', label: 'BMAS', estimate: null, unavailable: 'no embedding table given' });
    expect(open.metrics[0]).toMatchObject({ metric: 'bmas', rows: 1, withoutValue: 1, estimate: null });
  });

  it('groups with the same rows get the same intervals (the seed depends on the quantity only)', () => {
    const rows = Array.from({ length: 30 }, (_, i) => scoredRow('B', i, 'yes_no', i % 3 === 0 ? 0 : 1));
    const a = summarizeGroup({ key: 'all', label: 'all' }, rows, settings);
    const b = summarizeGroup({ key: 'benchmark=B', label: 'B', benchmark: 'B' }, rows, settings);
    expect(b.accuracy).toEqual(a.accuracy);
  });
});
