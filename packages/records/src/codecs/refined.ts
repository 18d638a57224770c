import { isTaskType, TASK_TYPES, type TaskType } from '../task-types';
import { refine, type Codec } from './codec';
import { int32 } from './int32';
import { utf8 } from './utf8';

/** One of TASK_TYPES, stored as Utf8. */
export const taskType: Codec<TaskType> = refine(utf8, `a task type (one of ${TASK_TYPES.join(', ')})`, isTaskType);

/** A pixel dimension. */
export const positiveInt32: Codec<number> = refine(int32, 'an Int32 > 0', (value) => value > 0);

/** An index such as a completion's place in its group. */
export const nonNegativeInt32: Codec<number> = refine(int32, 'an Int32 >= 0', (value) => value >= 0);

/** JSON text, stored as Utf8 and checked to parse. */
export const jsonText: Codec<string> = refine(utf8, 'JSON text', isJsonText);

function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
