import * as tf from '@tensorflow/tfjs-core';
import { initParameters, PolicyParameters, selectBackend, tinyConfig, TINY_TOKEN_IDS, Weights } from '@mixed-r1/policy';
import { randomImage, tinyPromptIds } from '@mixed-r1/policy/testing';
import type { SftExample } from '../sft/sft-example';
import { sftLoss } from '../sft/sft-loss';
import { headAblation, headAblationTable } from './head-ablation';

const config = tinyConfig();
const { headDim, numAttentionHeads, numHiddenLayers } = config.text;
const image = randomImage(4, 6, 3);
const prompt = tinyPromptIds(6, 8);
const { thinkStart, thinkEnd, answerStart, answerEnd, imEnd } = TINY_TOKEN_IDS;
const examples: SftExample[] = [[40, 41], [42, 43, 44]].map((reasoning) => {
  const tokens = [...prompt, thinkStart, ...reasoning, thinkEnd, answerStart, 45, answerEnd, imEnd];
  return { sampleId: 'x', answerGroup: 'x', tokens, promptLength: prompt.length, answerStart: tokens.indexOf(answerStart) + 1, copied: [], image, localisation: null, referents: null };
});

let params: PolicyParameters;
beforeAll(async () => {
  await selectBackend('wasm', { log: () => undefined });
  params = initParameters(config, { seed: 0, std: 0.1 });
});
afterAll(() => params.dispose());

const meanLossOf = (p: PolicyParameters) =>
  examples.reduce((sum, example) => sum + tf.tidy(() => sftLoss(Weights.frozen(p), [example]).dataSync()[0]), 0) / examples.length;

/** A copy of `source` with one head's o_proj input columns zeroed, built from the raw values. */
async function withoutHead(source: PolicyParameters, layer: number, head: number): Promise<PolicyParameters> {
  const values = await source.values();
  const name = `model.layers.${layer}.self_attn.o_proj.weight`;
  const weight = Float32Array.from(values.get(name)!);
  const inputs = numAttentionHeads * headDim;
  for (let row = 0; row < weight.length / inputs; row++) weight.fill(0, row * inputs + head * headDim, row * inputs + (head + 1) * headDim);
  values.set(name, weight);
  return PolicyParameters.fromValues(config, values);
}

describe('headAblation', () => {
  it('gives each head the loss with its output removed, and leaves the parameters as they were', async () => {
    const before = await params.values();
    const { intact, rows } = headAblation(params, examples);
    expect(rows).toHaveLength(numHiddenLayers * numAttentionHeads);
    expect(intact).toBeCloseTo(meanLossOf(params), 5);
    for (const [layer, head] of [[0, 1], [3, 2]]) {
      const cut = await withoutHead(params, layer, head);
      const row = rows.find((r) => r.layer === layer && r.head === head)!;
      expect(row.loss).toBeCloseTo(meanLossOf(cut), 5);
      expect(row.increase).toBeCloseTo(row.loss - intact, 6);
      cut.dispose();
    }
    // every head of a random model does something
    expect(rows.every((row) => row.increase !== 0)).toBe(true);
    const after = await params.values();
    for (const [name, value] of before) expect(after.get(name)).toEqual(value);
  });

  it('a head whose output is already zero costs nothing to remove', async () => {
    const silent = await withoutHead(params, 2, 3);
    try {
      const row = headAblation(silent, examples).rows.find((r) => r.layer === 2 && r.head === 3)!;
      expect(row.increase).toBe(0);
    } finally {
      silent.dispose();
    }
  });

  it('prints one row per layer and one column per head', () => {
    const table = headAblationTable({ intact: 1, rows: [0, 1].flatMap((layer) => [0, 1, 2].map((head) => ({ layer, head, loss: 1 + layer + head / 10, increase: layer + head / 10 }))) });
    expect(table.split('\n').slice(2)).toEqual(['| layer | head 0 | head 1 | head 2 |', '|---|---|---|---|', '| 0 | +0.0000 | +0.1000 | +0.2000 |', '| 1 | +1.0000 | +1.1000 | +1.2000 |']);
  });
});
