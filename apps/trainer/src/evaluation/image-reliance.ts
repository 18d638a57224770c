import * as tf from '@tensorflow/tfjs-core';
import { TASK_TYPES } from '@mixed-r1/records';
import { Weights, type ImageGrid, type Policy } from '@mixed-r1/policy';
import type { TrainerConfig } from '../config/trainer-config';
import { ImagePreparer } from '../data/image-inputs';
import { readSampleShards } from '../data/sample-store';
import { startingPolicy } from '../run/starting-policy';
import { sftExample, type SftExample } from '../sft/sft-example';
import { sftLoss } from '../sft/sft-loss';

/** What the image is worth to a model on one task type: mean target loss with its own image and with another. */
export interface RelianceRow {
  readonly task: string;
  /** Examples that had a partner image of the same grid (the others are left out). */
  readonly pairs: number;
  readonly ownImageLoss: number;
  readonly otherImageLoss: number;
}

const sameGrid = (a: ImageGrid, b: ImageGrid) => a.t === b.t && a.h === b.h && a.w === b.w;

/**
 * For each image, the index of the first other image with the same grid (so that swapping them
 * keeps the prompt's token layout), or -1 when there is none.
 */
export function sameGridPartners(grids: readonly ImageGrid[]): number[] {
  return grids.map((grid, i) => grids.findIndex((other, j) => j !== i && sameGrid(other, grid)));
}

/** Mean supervised loss of the examples with their own image and with their same-grid partner's. */
export function imageReliance(policy: Policy, task: string, examples: readonly SftExample[]): RelianceRow {
  const partners = sameGridPartners(examples.map((example) => example.image.grid));
  const weights = Weights.frozen(policy.params);
  const lossOf = (example: SftExample) => tf.tidy(() => sftLoss(weights, [example]).dataSync()[0] as number);
  let own = 0;
  let other = 0;
  let pairs = 0;
  try {
    examples.forEach((example, i) => {
      if (partners[i] < 0) return;
      pairs += 1;
      own += lossOf(example);
      other += lossOf({ ...example, image: examples[partners[i]].image });
    });
  } finally {
    weights.dispose();
  }
  return { task, pairs, ownImageLoss: pairs > 0 ? own / pairs : Number.NaN, otherImageLoss: pairs > 0 ? other / pairs : Number.NaN };
}

/**
 * Does the run's model read its images? The first `perTask` samples of each task type of
 * `data.dir`, with the run's SFT target and image bounds: a model that ignores its images scores
 * its own and another image alike, so the gap is what the image is worth.
 */
export async function runImageReliance(config: TrainerConfig, perTask: number): Promise<RelianceRow[]> {
  const policy = startingPolicy(config, { trainable: false });
  const images = new ImagePreparer(config.image);
  const samples = readSampleShards(config.data.dir, config.data.tasks);
  const rows: RelianceRow[] = [];
  for (const task of TASK_TYPES.filter((t) => config.data.tasks.includes(t))) {
    const chosen = samples.filter((sample) => sample.task === task).slice(0, perTask);
    const examples = await Promise.all(chosen.map((sample) => sftExample(sample, policy, images, config.sft)));
    rows.push(imageReliance(policy, task, examples));
  }
  policy.dispose();
  return rows;
}

/** The rows as a Markdown table. */
export function relianceTable(rows: readonly RelianceRow[]): string {
  const lines = rows.map((row) => `| ${row.task} | ${row.pairs} | ${row.ownImageLoss.toFixed(3)} | ${row.otherImageLoss.toFixed(3)} | ${(row.otherImageLoss - row.ownImageLoss).toFixed(3)} |`);
  return ['| task type | pairs | loss, own image | loss, another image | gap |', '|---|---|---|---|---|', ...lines].join('\n');
}
