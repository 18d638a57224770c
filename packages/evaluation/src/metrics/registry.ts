import { TASK_TYPES, type TaskType } from '@mixed-r1/records';
import { accAtIou } from './acc-at-iou';
import { bmasMetric } from './bmas-metric';
import { formatCompliance } from './format-compliance';
import { matchingAccuracy } from './matching-accuracy';
import { meanIou } from './mean-iou';
import { METRIC_NAMES, type Metric, type MetricName } from './metric';
import { relaxedAccuracy } from './relaxed-accuracy';

/** Every metric, by name: the one place metrics are registered. */
export const METRICS: Readonly<Record<MetricName, Metric>> = Object.freeze({
  matching_accuracy: matchingAccuracy,
  relaxed_accuracy: relaxedAccuracy,
  acc_iou_0_5: accAtIou,
  mean_iou: meanIou,
  bmas: bmasMetric,
  format: formatCompliance,
});

/** The headline metric of each task type: what "accuracy" means for it (open-ended: mean BMAS). */
export const TASK_METRIC: Readonly<Record<TaskType, MetricName>> = Object.freeze({
  yes_no: 'matching_accuracy',
  multiple_choice: 'matching_accuracy',
  chart: 'relaxed_accuracy',
  grounding: 'acc_iou_0_5',
  open_ended: 'bmas',
});

/** A metric by name; an unknown name throws with the valid names. */
export function metricNamed(name: string): Metric {
  if (!(METRIC_NAMES as readonly string[]).includes(name)) throw new Error(`unknown metric "${name}"; valid metrics: ${METRIC_NAMES.join(', ')}`);
  return METRICS[name as MetricName];
}

/** The metrics that apply to a task type, in registry order. */
export function metricsForTask(task: TaskType): Metric[] {
  return METRIC_NAMES.map((name) => METRICS[name]).filter((metric) => metric.tasks === null || metric.tasks.includes(task));
}

function checkRegistry(): void {
  for (const task of TASK_TYPES) {
    const metric = METRICS[TASK_METRIC[task]];
    if (!metric.tasks?.includes(task)) throw new Error(`headline metric "${metric.name}" of task "${task}" does not apply to it`);
  }
}
checkRegistry();
