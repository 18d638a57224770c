import type { Metric } from './metric';

/** Format compliance: the rewards' format reward (exactly one <think> block, then one <answer> block). */
export const formatCompliance: Metric = {
  name: 'format',
  label: 'format',
  tasks: null,
  binary: false,
  definition: "Share of completions that are exactly one <think>...</think> followed by one <answer>...</answer> (the rewards' formatReward).",
  value: ({ score }) => score.components.format,
};
