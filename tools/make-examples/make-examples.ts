/**
 * Writes data/examples/completions.jsonl: a few hundred model completions of all five task
 * types, with their ground truth, in the rewards CLI's input format. Deterministic (seeded).
 * Each task mixes correct and wrong answers, well-formed and malformed responses, and the
 * traps of the spec ("not" for "no", "45%" for 0.45, boxes in the resized frame). A few rows are
 * deliberately broken (bad JSON, unknown task, missing fields, oversized) so the quick start shows
 * how they are reported.
 *
 *   npx tsx tools/make-examples/make-examples.ts [--out data/examples/completions.jsonl]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { seededRandom } from '@mixed-r1/records/testing';

type Row = Record<string, unknown>;

const random = seededRandom(2505_24164);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
const chance = (p: number): boolean => random() < p;

const COLOURS = ['red', 'blue', 'green', 'yellow', 'purple', 'orange'];
const SHAPES = ['circle', 'square', 'triangle', 'star'];
const OBJECTS = ['cat', 'dog', 'bicycle', 'tree', 'car', 'cup', 'chair', 'bird'];
const PLACES = ['on a wooden table', 'in a park', 'next to a window', 'on a busy street', 'in a kitchen'];

function wrap(think: string, answer: string, style: number): string {
  if (style < 0.7) return `<think>${think}</think>\n<answer>${answer}</answer>`;
  if (style < 0.8) return `<think>${think}</think> ${answer}`;
  if (style < 0.9) return answer;
  return `<think>${think}</think><answer>${answer}</answer> I hope this helps.`;
}

function yesNo(index: number): Row {
  const colour = pick(COLOURS);
  const shape = pick(SHAPES);
  const truth = chance(0.5) ? 'yes' : 'no';
  const said = chance(0.7) ? truth : truth === 'yes' ? 'no' : 'yes';
  const phrasing = pick([
    said === 'yes' ? 'Yes' : 'No',
    said === 'yes' ? 'Yes, there is one.' : 'No, there is not.',
    said === 'yes' ? 'yes' : 'It is not there, so no.',
    said === 'yes' ? 'I know it is: yes' : 'none visible: no',
  ]);
  const think = `I look for a ${colour} ${shape} in the picture.`;
  return { id: `yn-${index}`, task: 'yes_no', completion: wrap(think, phrasing, random()), answer: truth };
}

function multipleChoice(index: number): Row {
  const options = [...COLOURS].sort(() => random() - 0.5).slice(0, 4);
  const truth = Math.floor(random() * 4);
  const chosen = chance(0.65) ? truth : Math.floor(random() * 4);
  const letter = String.fromCharCode(65 + chosen);
  const phrasing = pick([letter, `(${letter})`, `${letter}.`, `Option ${letter}`, `The answer is ${letter}`, `${letter}. ${options[chosen]}`, options[chosen], 'A or B', 'E']);
  const think = `The large shape is coloured ${options[chosen]}.`;
  return {
    id: `mc-${index}`,
    task: 'multiple_choice',
    completion: wrap(think, phrasing, random()),
    answer: String.fromCharCode(65 + truth),
    options,
  };
}

function chart(index: number): Row {
  const value = Math.round(random() * 2000) / (chance(0.5) ? 10 : 1);
  const off = chance(0.6) ? 1 + (random() - 0.5) * 0.08 : 1 + (random() - 0.5) * 0.6;
  const predicted = Math.round(value * off * 10) / 10;
  const percent = chance(0.15);
  const truth = percent ? String(Math.round(value) / 1000) : String(value);
  const phrasing = percent
    ? pick([`${Math.round(value) / 10}%`, `about ${Math.round(value) / 10} percent`])
    : pick([String(predicted), predicted.toLocaleString('en-US'), `about ${predicted} million`, `$${predicted}`, 'the second bar']);
  const think = `Reading the bar against the axis gives roughly ${predicted}.`;
  return { id: `ch-${index}`, task: 'chart', completion: wrap(think, phrasing, random()), answer: truth };
}

// Model-input sizes as Qwen2.5-VL's smart_resize gives them (factor 28) for these originals.
const IMAGE_SIZES: Array<[[number, number], [number, number]]> = [
  [[640, 480], [644, 476]],
  [[1024, 768], [1036, 756]],
  [[448, 448], [448, 448]],
  [[300, 200], [308, 196]],
];

function grounding(index: number): Row {
  const [imageSize, inputSize] = pick(IMAGE_SIZES);
  const [width, height] = imageSize;
  const x1 = Math.round(random() * width * 0.6);
  const y1 = Math.round(random() * height * 0.6);
  const box = [x1, y1, x1 + Math.round(width * (0.1 + random() * 0.3)), y1 + Math.round(height * (0.1 + random() * 0.3))];
  const jitter = chance(0.6) ? 0.03 : 0.4;
  const toInput = (value: number, axis: 0 | 1) => (value * inputSize[axis]) / imageSize[axis];
  const predicted = box.map((value, k) => Math.round(toInput(value, (k % 2) as 0 | 1) + (random() - 0.5) * jitter * width));
  const text = pick([
    `[${predicted.join(', ')}]`,
    `{"bbox_2d": [${predicted.join(', ')}], "label": "${pick(SHAPES)}"}`,
    `The ${pick(COLOURS)} ${pick(SHAPES)} is at [${predicted.join(',')}].`,
    `[${predicted[2]}, ${predicted[3]}, ${predicted[0]}, ${predicted[1]}]`,
    'top left corner',
  ]);
  const think = `The ${pick(COLOURS)} ${pick(SHAPES)} sits in the ${x1 < width / 2 ? 'left' : 'right'} half.`;
  return { id: `gr-${index}`, task: 'grounding', completion: wrap(think, text, random()), answer: '', box, image_size: imageSize, input_size: inputSize };
}

function caption(): string {
  const colour = pick(COLOURS);
  const thing = pick(OBJECTS);
  return `A ${colour} ${thing} ${pick(PLACES)}. The ${thing} is ${pick(['small', 'large', 'old', 'new'])} and the light is ${pick(['soft', 'bright', 'dim'])}.`;
}

function openEnded(index: number): Row {
  const reference = caption();
  const answer = chance(0.5) ? reference.replace(/\.$/, ', seen from the front.') : chance(0.5) ? caption() : reference;
  return { id: `oe-${index}`, task: 'open_ended', completion: wrap('I describe what I see.', answer, random()), answer: reference };
}

const BROKEN_LINES: string[] = [
  '{"id": "bad-json", "task": "yes_no", "completion": "<answer>yes</answer>"',
  JSON.stringify({ id: 'bad-task', task: 'poetry', completion: '<answer>roses</answer>', answer: 'roses' }),
  JSON.stringify({ id: 'bad-missing-answer', task: 'chart', completion: '<answer>12</answer>' }),
  JSON.stringify({ id: 'bad-box', task: 'grounding', completion: '<answer>[1, 2, 3, 4]</answer>', answer: '', box: [1, 2, 3] }),
  JSON.stringify({ id: 'bad-options', task: 'multiple_choice', completion: '<answer>B</answer>', answer: 'B' }),
  JSON.stringify({ id: 'bad-oversized', task: 'yes_no', completion: `<think>${'very '.repeat(8000)}long</think><answer>yes</answer>`, answer: 'yes' }),
  '[1, 2, 3]',
];

function main(): void {
  const out = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : 'data/examples/completions.jsonl';
  const makers = [yesNo, multipleChoice, chart, grounding, openEnded];
  const rows: string[] = [];
  for (let index = 0; index < 60; index++) {
    for (const make of makers) rows.push(JSON.stringify(make(index)));
  }
  rows.push(...BROKEN_LINES);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, rows.join('\n') + '\n');
  console.log(`wrote ${rows.length} rows to ${out}`);
}

main();
