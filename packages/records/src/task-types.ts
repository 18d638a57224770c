/** The five task types of the Mixed-R1 data, each scored by the reward that fits it (SPEC section 1). */
export const TASK_TYPES = ['yes_no', 'multiple_choice', 'chart', 'grounding', 'open_ended'] as const;

export type TaskType = (typeof TASK_TYPES)[number];

const taskTypeSet: ReadonlySet<unknown> = new Set(TASK_TYPES);

export function isTaskType(value: unknown): value is TaskType {
  return taskTypeSet.has(value);
}
