import { chartScore } from '../chart-reward';
import type { TaskReward } from '../task-reward';

/** Chart reward (SPEC.md section 2): ChartQA relaxed accuracy. */
export const chartReward: TaskReward = {
  name: 'chart',
  tasks: ['chart'],
  unavailable: () => null,
  score: (answer, input) => chartScore(answer, input.answer),
};
