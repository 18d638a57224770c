import type { TaskReward } from '../task-reward';

/**
 * BMAS reward (SPEC.md section 2) for open-ended answers: bidirectional max-average cosine
 * similarity of answer and reference token embeddings, computed by the context's scorer.
 */
export const bmasReward: TaskReward = {
  name: 'bmas',
  tasks: ['open_ended'],
  unavailable: (context) =>
    context.similarity ? null : 'no embedding table for BMAS: give an embeddings folder (tokenizer.json + safetensors)',
  score: (answer, input, context) => {
    if (!context.similarity) throw new Error('bmas reward scored without a similarity scorer');
    return context.similarity.score(answer, input.answer, input.id);
  },
};
