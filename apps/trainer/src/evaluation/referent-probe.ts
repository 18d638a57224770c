import * as tf from '@tensorflow/tfjs-core';
import { encodeSequencesCapturing, Weights } from '@mixed-r1/policy';
import type { Box } from '@mixed-r1/records';
import { originalBoxToInput } from '@mixed-r1/vision';
import type { TrainerConfig } from '../config/trainer-config';
import { ImagePreparer } from '../data/image-inputs';
import { readSampleShards } from '../data/sample-store';
import { startingPolicy } from '../run/starting-policy';
import { sftExample } from '../sft/sft-example';
import { unitRms } from './position-probe';
import { heldOutAbsoluteError } from './ridge-regression';

/** How well a linear read-out at the answer tells the asked-for box, after one decoder layer (or the constant). */
export interface ReferentRow {
  readonly readFrom: string;
  /** Mean absolute error of x1, y1, x2, y2 in input pixels, held-out questions. */
  readonly boxError: number;
}

/**
 * Does the model gather the asked-for object's place where it writes the box? For the first
 * `count` grounding samples of `data.dir`, the SFT example (gold target, teacher-forced) is run and
 * the residual stream after each decoder layer is read at the token before the box's first digit
 * (the `[` after `<answer>`); a ridge read-out (lambda 1) of the answer box (model-input pixels) is
 * fitted on 70% of the questions and scored on the rest, against the constant read-out. A model
 * that knows where the objects are (position-probe) but scores here as the constant has not
 * learned to look up the object the question names.
 */
export async function runReferentProbe(config: TrainerConfig, count: number): Promise<ReferentRow[]> {
  const policy = startingPolicy(config, { trainable: false });
  const weights = Weights.frozen(policy.params);
  const images = new ImagePreparer(config.image);
  const samples = readSampleShards(config.data.dir, ['grounding']).filter((sample) => sample.answerBox).slice(0, count);
  if (samples.length < 4) throw new Error(`data.dir ${config.data.dir}: ${samples.length} grounding samples with a box; the probe needs at least 4`);
  const layers = policy.params.config.text.numHiddenLayers;
  const states: number[][][] = Array.from({ length: layers }, () => []);
  const boxes: Box[] = [];
  for (const sample of samples) {
    const example = await sftExample(sample, policy, images, config.sft);
    boxes.push(originalBoxToInput(sample.answerBox!, [sample.imageWidth, sample.imageHeight], images.inputSize(sample)));
    for (let layer = 0; layer < layers; layer++) {
      const state = tf.tidy(() => {
        const { captured } = encodeSequencesCapturing(weights, [example.tokens], [example.image], example.promptLength, layer);
        return tf.slice(captured, [0, example.answerStart, 0], [1, 1, -1]).dataSync() as Float32Array;
      });
      states[layer].push(unitRms([...state]));
    }
  }
  weights.dispose();
  policy.dispose();
  const cut = Math.round(samples.length * 0.7);
  // the mean over x1, y1, x2, y2 of each coordinate's held-out error
  const errorOf = (rows: number[][]) => {
    let total = 0;
    for (let k = 0; k < 4; k++) {
      const values = boxes.map((box) => box[k]);
      total += heldOutAbsoluteError({ rows: rows.slice(0, cut), values: values.slice(0, cut) }, { rows: rows.slice(cut), values: values.slice(cut) }, 1);
    }
    return total / 4;
  };
  return [
    { readFrom: 'constant (the training mean)', boxError: errorOf(boxes.map(() => [0])) },
    ...states.map((rows, layer) => ({ readFrom: `decoder layer ${layer}`, boxError: errorOf(rows) })),
  ];
}

export function referentTable(rows: readonly ReferentRow[]): string {
  const lines = rows.map((row) => `| ${row.readFrom} | ${row.boxError.toFixed(1)} |`);
  return ['| read at the answer, from | asked-for box error (px) |', '|---|---|', ...lines].join('\n');
}
