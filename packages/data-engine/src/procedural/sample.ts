// What every procedural sample shares: its id and source, a random image size, the worked
// solution text, and the explainable metadata.

import type { Box, SampleRow, TaskType } from '@mixed-r1/records';
import type { Rng } from './rng';

/** Image sides are drawn independently from this range, in pixels. */
export const MIN_IMAGE_SIDE = 112;
export const MAX_IMAGE_SIDE = 448;

/** A random image size [width, height], each side in [MIN_IMAGE_SIDE, MAX_IMAGE_SIDE]. */
export function randomImageSize(rng: Rng): [number, number] {
  return [rng.int(MIN_IMAGE_SIDE, MAX_IMAGE_SIDE), rng.int(MIN_IMAGE_SIDE, MAX_IMAGE_SIDE)];
}

/** The id of a procedural sample: `procedural/<generator>/<seed>-<index>`. */
export function proceduralSampleId(generator: string, seed: number, index: number): string {
  return `procedural/${generator}/${seed}-${index}`;
}

/** The source of a procedural generator's samples: `procedural/<generator>`. */
export function proceduralSource(generator: string): string {
  return `procedural/${generator}`;
}

/** A worked solution: the reasoning in `<think>`, the ground truth in `<answer>`. */
export function workedSolution(reasoning: string, answer: string): string {
  return `<think>${reasoning}</think><answer>${answer}</answer>`;
}

/** "[x1, y1, x2, y2]", the way a box is written as an answer. */
export function boxText(box: Box): string {
  return `[${box.join(', ')}]`;
}

export interface ProceduralSampleParts {
  readonly generator: string;
  readonly task: TaskType;
  readonly seed: number;
  readonly index: number;
  readonly question: string;
  readonly options?: readonly string[];
  readonly answer: string;
  readonly answerBox?: Box;
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
  /** The reasoning of the worked solution: the facts used, in a few sentences. */
  readonly reasoning: string;
  /** The generator's parameters (scene, chart, question template). */
  readonly details: Readonly<Record<string, unknown>>;
}

/** A `sample` row from the parts of a procedural sample. */
export function proceduralSample(parts: ProceduralSampleParts): SampleRow {
  return {
    id: proceduralSampleId(parts.generator, parts.seed, parts.index),
    source: proceduralSource(parts.generator),
    task: parts.task,
    question: parts.question,
    options: parts.options ? [...parts.options] : null,
    answer: parts.answer,
    answerBox: parts.answerBox ?? null,
    imageBytes: parts.png,
    imagePath: null,
    imageWidth: parts.width,
    imageHeight: parts.height,
    solution: workedSolution(parts.reasoning, parts.answer),
    metadata: JSON.stringify({ generator: parts.generator, seed: parts.seed, index: parts.index, ...parts.details }),
  };
}
