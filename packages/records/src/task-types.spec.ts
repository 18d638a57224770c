import { isTaskType, TASK_TYPES } from './task-types';

describe('task types', () => {
  it('lists the five task types of the paper', () => {
    expect(TASK_TYPES).toEqual(['yes_no', 'multiple_choice', 'chart', 'grounding', 'open_ended']);
  });

  it('recognises exactly those names', () => {
    for (const task of TASK_TYPES) expect(isTaskType(task)).toBe(true);
    for (const other of ['YES_NO', 'yes-no', '', 'caption', null, undefined, 3, ['chart']]) {
      expect(isTaskType(other)).toBe(false);
    }
  });
});
