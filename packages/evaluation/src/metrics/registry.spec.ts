import { METRIC_NAMES } from './metric';
import { METRICS, TASK_METRIC, metricNamed, metricsForTask } from './registry';

describe('metric registry', () => {
  it('holds one metric per name', () => {
    for (const name of METRIC_NAMES) expect(METRICS[name].name).toBe(name);
  });

  it('gives each task its headline metric and the metrics that apply to it', () => {
    expect(TASK_METRIC).toEqual({ yes_no: 'matching_accuracy', multiple_choice: 'matching_accuracy', chart: 'relaxed_accuracy', grounding: 'acc_iou_0_5', open_ended: 'bmas' });
    expect(metricsForTask('grounding').map((metric) => metric.name)).toEqual(['acc_iou_0_5', 'mean_iou', 'format']);
    expect(metricsForTask('open_ended').map((metric) => metric.name)).toEqual(['bmas', 'format']);
    expect(metricsForTask('yes_no').map((metric) => metric.name)).toEqual(['matching_accuracy', 'format']);
  });

  it('throws for an unknown name with the valid names', () => {
    expect(() => metricNamed('cider')).toThrow('unknown metric "cider"; valid metrics: matching_accuracy, relaxed_accuracy, acc_iou_0_5, mean_iou, bmas, format');
  });
});
