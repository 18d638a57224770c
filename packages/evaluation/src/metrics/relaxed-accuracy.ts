import type { Metric } from './metric';
import { relaxedAccuracy as relaxed } from './relaxed-correctness';
import { answerTargets } from './answer-targets';

/** ChartQA relaxed accuracy, exactly pix2struct's `relaxed_correctness` on the extracted answer. */
export const relaxedAccuracy: Metric = {
  name: 'relaxed_accuracy',
  label: 'relaxed acc.',
  tasks: ['chart'],
  binary: true,
  definition:
    "ChartQA relaxed accuracy as pix2struct's relaxed_correctness (pix2struct/metrics.py): within 5% of a non-zero numeric target (\"45%\" reads 0.45), else case-insensitive exact match; the best over a list of targets.",
  value: ({ row, answer }) => relaxed(answerTargets(row.answer), answer),
};
