import type { Metric } from './metric';

/** The IoU a grounding answer must reach to count as correct. */
export const IOU_THRESHOLD = 0.5;

/** Grounding Acc@0.5: the IoU reward's IoU (box mapped to the original frame) >= 0.5. */
export const accAtIou: Metric = {
  name: 'acc_iou_0_5',
  label: 'Acc@0.5',
  tasks: ['grounding'],
  binary: true,
  definition:
    'Grounding accuracy: 1 when the IoU of the first predicted box (mapped from the model-input frame to the original image) with the ground-truth box is >= 0.5 (RefCOCO convention, as VLM-R1 reports it).',
  value: ({ score }) => (score.components.iou === null ? null : score.components.iou >= IOU_THRESHOLD ? 1 : 0),
};
