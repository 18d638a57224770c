import * as tf from '@tensorflow/tfjs-core';
import { promptText } from '@mixed-r1/evaluation';
import { encodeSequencesCapturing, visionTower, Weights, type Policy } from '@mixed-r1/policy';
import type { SampleRow } from '@mixed-r1/records';
import type { TrainerConfig } from '../config/trainer-config';
import { ImagePreparer } from '../data/image-inputs';
import { readSampleShards } from '../data/sample-store';
import { localisationTargets, type LocalisationTargets } from '../localisation/localisation-targets';
import { scenesOnly, tokenCell } from '../perception/perception-example';
import { sceneOfSample } from '../perception/scene-token-labels';
import { startingPolicy } from '../run/starting-policy';
import { heldOutAbsoluteError } from './ridge-regression';

/** How well a linear read-out of one place in the model tells where image tokens and objects are, in input pixels. */
export interface ProbeRow {
  /** `vision tower` (its output tokens) or `decoder layer k` (the residual stream after it, at the image tokens). */
  readonly readFrom: string;
  /** Mean absolute error of the token centres' x (column) and y (row), held-out images. */
  readonly columnError: number;
  readonly rowError: number;
  /** Mean absolute error of the box coordinates of the object under each object token. */
  readonly boxError: number;
}

/** One image's token states at every probed place, and its targets. */
interface ProbedImage {
  readonly states: number[][][];
  readonly targets: LocalisationTargets;
}

/** A state scaled to unit root mean square (as the localisation head reads it). */
export function unitRms(state: readonly number[]): number[] {
  const rms = Math.sqrt(state.reduce((sum, v) => sum + v * v, 0) / state.length + 1e-12);
  return state.map((v) => v / rms);
}

async function probeImage(policy: Policy, weights: Weights, sample: SampleRow, images: ImagePreparer): Promise<ProbedImage> {
  const prepared = await images.prepare(sample);
  const { vision, text, tokens } = policy.params.config;
  const prompt = policy.prompt(promptText({ question: sample.question, options: sample.options }), [prepared.input]);
  const positions = prompt.tokenIds.flatMap((id, i) => (id === tokens.imageTokenId ? [i] : []));
  const states = [tf.tidy(() => visionTower(weights, [prepared.input]).arraySync() as number[][])];
  for (let layer = 0; layer < text.numHiddenLayers; layer++) {
    states.push(
      tf.tidy(() => {
        const { captured } = encodeSequencesCapturing(weights, [prompt.tokenIds], [prepared.input], prompt.tokenIds.length, layer);
        return tf.gather(tf.squeeze(captured, [0]), positions).arraySync() as number[][];
      }),
    );
  }
  const targets = localisationTargets(sceneOfSample(sample)!, prepared.inputSize, tokenCell(vision.patchSize, vision.spatialMergeSize));
  return { states: states.map((tokens) => tokens.map(unitRms)), targets };
}

/** Rows of (state, target in pixels) of one quantity over images: `pick` gives a token's target or null (no target). */
function rowsOf(probed: readonly ProbedImage[], place: number, pick: (targets: LocalisationTargets, token: number) => number | null) {
  const rows: number[][] = [];
  const values: number[] = [];
  for (const image of probed) {
    image.states[place].forEach((state, token) => {
      const value = pick(image.targets, token);
      if (value === null) return;
      rows.push(state);
      values.push(value);
    });
  }
  return { rows, values };
}

const QUANTITIES: Readonly<Record<string, (targets: LocalisationTargets, token: number) => number | null>> = {
  column: (t, token) => t.centres[2 * token] * t.inputSize[0],
  row: (t, token) => t.centres[2 * token + 1] * t.inputSize[1],
  x1: (t, token) => (t.onObject[token] ? t.boxes[4 * token] * t.inputSize[0] : null),
  y1: (t, token) => (t.onObject[token] ? t.boxes[4 * token + 1] * t.inputSize[1] : null),
  x2: (t, token) => (t.onObject[token] ? t.boxes[4 * token + 2] * t.inputSize[0] : null),
  y2: (t, token) => (t.onObject[token] ? t.boxes[4 * token + 3] * t.inputSize[1] : null),
};

/**
 * Does the model know where things are? For the first `count` procedural scenes of `data.dir`
 * (the run's image bounds and prompt layout), the image tokens' states at the vision tower's output
 * and after every decoder layer; a ridge read-out (states scaled to unit RMS, lambda 1) is fitted
 * on the first 70% of the images and scored on the rest. The first row is the constant read-out
 * (the training mean): a place that holds no position scores about as that row.
 */
export async function runPositionProbe(config: TrainerConfig, count: number): Promise<ProbeRow[]> {
  const policy = startingPolicy(config, { trainable: false });
  const weights = Weights.frozen(policy.params);
  const images = new ImagePreparer(config.image);
  const scenes = scenesOnly(readSampleShards(config.data.dir, config.data.tasks)).slice(0, count);
  if (scenes.length < 4) throw new Error(`data.dir ${config.data.dir}: ${scenes.length} samples with a scene; the probe needs at least 4`);
  const probed: ProbedImage[] = [];
  for (const sample of scenes) probed.push(await probeImage(policy, weights, sample, images));
  weights.dispose();
  policy.dispose();
  const cut = Math.round(probed.length * 0.7);
  const places = ['vision tower', ...Array.from({ length: probed[0].states.length - 1 }, (_, k) => `decoder layer ${k}`)];
  const errorsAt = (place: number | null) => {
    const error = (name: string) => {
      const pick = QUANTITIES[name];
      const train = rowsOf(probed.slice(0, cut), place ?? 0, pick);
      const test = rowsOf(probed.slice(cut), place ?? 0, pick);
      // the constant read-out: a ridge fit on a feature that is always 0 is the training mean
      const constant = (rows: ReturnType<typeof rowsOf>) => ({ rows: rows.rows.map(() => [0]), values: rows.values });
      return place === null ? heldOutAbsoluteError(constant(train), constant(test), 1) : heldOutAbsoluteError(train, test, 1);
    };
    return { columnError: error('column'), rowError: error('row'), boxError: (error('x1') + error('y1') + error('x2') + error('y2')) / 4 };
  };
  return [{ readFrom: 'constant (the training mean)', ...errorsAt(null) }, ...places.map((readFrom, place) => ({ readFrom, ...errorsAt(place) }))];
}

/** The rows as a Markdown table. */
export function probeTable(rows: readonly ProbeRow[]): string {
  const lines = rows.map((row) => `| ${row.readFrom} | ${row.columnError.toFixed(1)} | ${row.rowError.toFixed(1)} | ${row.boxError.toFixed(1)} |`);
  return ['| read from | token column error (px) | token row error (px) | object box error (px) |', '|---|---|---|---|', ...lines].join('\n');
}
