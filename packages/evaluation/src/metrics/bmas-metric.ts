import type { Metric } from './metric';

/** Open-ended: the BMAS reward of the answer against the reference text (needs an embedding table). */
export const bmasMetric: Metric = {
  name: 'bmas',
  label: 'BMAS',
  tasks: ['open_ended'],
  binary: false,
  definition:
    "Mean BMAS (bidirectional max-average cosine similarity of answer and reference token embeddings, the rewards' open-ended reward); n/a without an embedding table.",
  value: ({ score }) => score.components.bmas,
};
