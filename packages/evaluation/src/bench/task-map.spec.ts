import { parseTaskMap, taskOverrideFor } from './task-map';

describe('task map (--task-map)', () => {
  it('parses NAME=TASK pairs and matches names case-insensitively, exact names before patterns', () => {
    const map = parseTaskMap('ChartQA*=chart, chartqa_special=open_ended ,MMStar=multiple_choice');
    expect(taskOverrideFor(map, 'ChartQA_TEST')).toBe('chart');
    expect(taskOverrideFor(map, 'ChartQA_special')).toBe('open_ended');
    expect(taskOverrideFor(map, 'mmstar')).toBe('multiple_choice');
    expect(taskOverrideFor(map, 'AI2D')).toBeNull();
    expect(taskOverrideFor(undefined, 'AI2D')).toBeNull();
  });

  it('names the bad entry and the valid tasks', () => {
    expect(() => parseTaskMap('MMStar')).toThrow('--task-map: "MMStar" is not NAME=TASK (e.g. ChartQA_TEST=chart)');
    expect(() => parseTaskMap('MMStar=counting')).toThrow('--task-map: "MMStar=counting": unknown task "counting"; valid tasks: yes_no, multiple_choice, chart, grounding, open_ended');
  });
});
