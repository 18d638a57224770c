import { isTaskType, TASK_TYPES, type TaskType } from '@mixed-r1/records';

/**
 * Per-benchmark task overrides: benchmark name (or a pattern ending in "*", matched as a prefix,
 * case-insensitively) -> the task type of every row of that benchmark.
 */
export type TaskMap = ReadonlyMap<string, TaskType>;

/** Parses `NAME=TASK[,NAME=TASK...]` (the `--task-map` setting); errors name the entry and the valid tasks. */
export function parseTaskMap(text: string, setting = '--task-map'): TaskMap {
  const map = new Map<string, TaskType>();
  for (const entry of text.split(',').map((part) => part.trim()).filter((part) => part !== '')) {
    const equals = entry.lastIndexOf('=');
    const name = entry.slice(0, Math.max(equals, 0)).trim();
    const task = entry.slice(equals + 1).trim();
    if (equals <= 0 || name === '') throw new Error(`${setting}: "${entry}" is not NAME=TASK (e.g. ChartQA_TEST=chart)`);
    if (!isTaskType(task)) throw new Error(`${setting}: "${entry}": unknown task "${task}"; valid tasks: ${TASK_TYPES.join(', ')}`);
    map.set(name, task);
  }
  return map;
}

function matches(pattern: string, benchmark: string): boolean {
  if (pattern.endsWith('*')) return benchmark.toLowerCase().startsWith(pattern.slice(0, -1).toLowerCase());
  return pattern.toLowerCase() === benchmark.toLowerCase();
}

/** The task forced on a benchmark by the map (an exact name wins over a pattern), or null. */
export function taskOverrideFor(map: TaskMap | undefined, benchmark: string): TaskType | null {
  if (!map) return null;
  for (const [pattern, task] of map) if (!pattern.endsWith('*') && matches(pattern, benchmark)) return task;
  for (const [pattern, task] of map) if (pattern.endsWith('*') && matches(pattern, benchmark)) return task;
  return null;
}
