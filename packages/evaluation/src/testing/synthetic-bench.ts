import { writeFileSync } from 'node:fs';
import type { Box, TaskType } from '@mixed-r1/records';
import type { EvalPrompt } from '../prompt/eval-prompt';
import { seededUniform } from '../stats/seeded-random';
import { formatted } from './fake-generator';
import { tinyPngBase64 } from './tiny-png';

/** One row of a synthetic benchmark and the answer that is right for it. */
interface SyntheticRow {
  readonly task: TaskType;
  readonly category: string;
  readonly question: string;
  readonly options: readonly string[];
  readonly answer: string;
  readonly box: Box | null;
  /** A right answer in the model's words (boxes in the model-input frame of a 112x56 input). */
  readonly right: string;
  readonly wrong: string;
}

const CATEGORIES = ['colour', 'position', 'counting', 'reading'];

function syntheticRow(task: TaskType, i: number): SyntheticRow {
  const category = CATEGORIES[i % CATEGORIES.length];
  switch (task) {
    case 'yes_no':
      return { task, category, question: `Is shape ${i} red?`, options: [], answer: i % 2 ? 'yes' : 'no', box: null, right: i % 2 ? 'Yes.' : 'No.', wrong: i % 2 ? 'no' : 'yes' };
    case 'multiple_choice':
      return { task, category, question: `Which colour is shape ${i}?`, options: ['red', 'blue', 'green', 'black'], answer: 'BCDA'[i % 4], box: null, right: `(${'BCDA'[i % 4]})`, wrong: 'ABCD'[i % 4] };
    case 'chart':
      return { task, category, question: `What is the value of bar ${i}?`, options: [], answer: String(10 + i), box: null, right: String(10 + i), wrong: String(20 + 3 * i) };
    case 'grounding':
      // 100x60 images: the model-input frame is 112x56, so x scales by 1.12 and y by 56/60.
      return { task, category, question: `Output the box of shape ${i}.`, options: [], answer: '[20, 15, 60, 45]', box: [20, 15, 60, 45], right: '[22.4, 14, 67.2, 42]', wrong: '[80, 2, 110, 20]' };
    case 'open_ended':
      return { task, category, question: 'Describe the image.', options: [], answer: 'A small orange shape on a white background.', box: null, right: 'A small orange shape.', wrong: 'Nothing.' };
  }
}

const quote = (field: string) => (/[\t\n\r"]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);

/**
 * Writes a benchmark TSV in this project's layout (VLMEvalKit columns plus task and box, pandas'
 * minimal quoting) with `perTask` rows of every task type over four categories, all sharing one
 * 100x60 image stored once (later rows give the first row's index, VLMEvalKit's convention), and
 * returns a generator answer function that is right with probability `skill` (seeded).
 */
export async function writeSyntheticBench(file: string, options: { perTask: number; skill: number; seed?: number; tasks?: readonly TaskType[] }): Promise<(prompt: EvalPrompt) => string> {
  const tasks = options.tasks ?? ['yes_no', 'multiple_choice', 'chart', 'grounding', 'open_ended'];
  const image = await tinyPngBase64(100, 60, [255, 255, 255], { box: [20, 15, 60, 45], color: [230, 120, 20] });
  const rows = tasks.flatMap((task) => Array.from({ length: options.perTask }, (_, i) => syntheticRow(task, i)));
  const lines = [['index', 'image', 'question', 'A', 'B', 'C', 'D', 'answer', 'category', 'task', 'box'].join('\t')];
  rows.forEach((row, index) => {
    const box = row.box ? `[${row.box.join(', ')}]` : '';
    const options = [0, 1, 2, 3].map((k) => row.options[k] ?? '');
    lines.push([String(index), index === 0 ? image : '0', row.question, ...options, row.answer, row.category, row.task, box].map(quote).join('\t'));
  });
  writeFileSync(file, `${lines.join('\n')}\n`);
  const random = seededUniform(options.seed ?? 0);
  const skillful = rows.map(() => random() < options.skill);
  return (prompt) => {
    const index = Number(prompt.id.slice(prompt.id.lastIndexOf('/') + 1));
    return formatted(skillful[index] ? rows[index].right : rows[index].wrong);
  };
}
