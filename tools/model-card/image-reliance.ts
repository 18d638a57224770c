/**
 * Does a model read its images? For the first N samples of each task type in Mixed-45K, the
 * supervised loss of the target (the trainer's SFT target) with the sample's own image, and with
 * the image of another sample of the same task and the same grid (so the token layout is the same).
 * A model that ignores images scores both alike; the gap is what the image is worth.
 *
 *   npx tsx tools/model-card/image-reliance.ts --model=DIR [--max-pixels=50176] [--think=1] [--per-task=40]
 */
import * as tf from '@tensorflow/tfjs-core';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { TASK_TYPES } from '@mixed-r1/records';
import { Policy, selectBackend, Weights } from '@mixed-r1/policy';
import { ImagePreparer } from '../../apps/trainer/src/data/image-inputs';
import { readSampleShards } from '../../apps/trainer/src/data/sample-store';
import { sftExample, type SftExample } from '../../apps/trainer/src/sft/sft-example';
import { sftLoss } from '../../apps/trainer/src/sft/sft-loss';

const sameGrid = (a: SftExample, b: SftExample) => a.image.grid.t === b.image.grid.t && a.image.grid.h === b.image.grid.h && a.image.grid.w === b.image.grid.w;

/** Mean loss with the own image and with another same-grid image, over the examples that have such a partner. */
function reliance(policy: Policy, examples: readonly SftExample[]): { pairs: number; own: number; other: number } {
  const weights = Weights.frozen(policy.params);
  let own = 0;
  let other = 0;
  let pairs = 0;
  examples.forEach((example, i) => {
    const partner = examples.find((candidate, j) => j !== i && sameGrid(candidate, example));
    if (!partner) return;
    pairs += 1;
    own += tf.tidy(() => sftLoss(weights, [example]).dataSync()[0] as number);
    other += tf.tidy(() => sftLoss(weights, [{ ...example, image: partner.image }]).dataSync()[0] as number);
  });
  weights.dispose();
  return { pairs, own: own / pairs, other: other / pairs };
}

async function main(): Promise<void> {
  const args = yargs(hideBin(process.argv))
    .option('model', { type: 'string', demandOption: true })
    .option('data', { type: 'string', default: 'data/mixed-45k' })
    .option('max-pixels', { type: 'number', default: 50176 })
    .option('think', { type: 'number', default: 1, describe: 'sentences of the solution kept in <think> (-1: empty)' })
    .option('per-task', { type: 'number', default: 40 })
    .strict()
    .parseSync();
  await selectBackend('auto');
  const policy = Policy.load(args.model);
  const images = new ImagePreparer({ minPixels: 3136, maxPixels: args['max-pixels'] });
  const samples = readSampleShards(args.data, [...TASK_TYPES]);
  console.log(`| task type | pairs | loss, own image | loss, another image | gap |\n|---|---|---|---|---|`);
  for (const task of TASK_TYPES) {
    const chosen = samples.filter((sample) => sample.task === task).slice(0, args['per-task']);
    const examples = await Promise.all(chosen.map((sample) => sftExample(sample, policy, images, { thinkSentences: args.think, answerSentences: 2 })));
    const { pairs, own, other } = reliance(policy, examples);
    console.log(`| ${task} | ${pairs} | ${own.toFixed(3)} | ${other.toFixed(3)} | ${(other - own).toFixed(3)} |`);
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
