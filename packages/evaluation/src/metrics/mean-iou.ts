import type { Metric } from './metric';

/** Grounding mean IoU: the IoU reward's value (plain continuous IoU in the original frame). */
export const meanIou: Metric = {
  name: 'mean_iou',
  label: 'mean IoU',
  tasks: ['grounding'],
  binary: false,
  definition: 'Mean IoU of the first predicted box (mapped to the original frame) with the ground-truth box; no box or a degenerate box counts 0.',
  value: ({ score }) => score.components.iou,
};
