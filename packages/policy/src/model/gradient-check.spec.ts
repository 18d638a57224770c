import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '../backend/select-backend';
import { tinyConfig } from '../config/tiny-config';
import { randomImage, tinyPromptIds } from '../testing/tiny-inputs';
import { initParameters, type PolicyParameters } from './parameters';
import { promptLogits } from './qwen2-5-vl';
import { Weights } from './weights';

/**
 * Central differences in float32 through the whole model: step 1e-2 on a loss of about 7.6, whose
 * float32 spacing (4.8e-7) over 2h quantises the numeric derivative to about 2.4e-5; the bound is
 * 1e-4 plus 2% of the gradient. Checked entries must carry a gradient of at least 1e-3.
 */
const STEP = 1e-2;
const ABSOLUTE = 1e-4;
const RELATIVE = 0.02;
const MIN_SIGNAL = 1e-3;

/** Parameters checked: one entry each in the vision tower, the merger, the decoder and the embeddings. */
const CHECKED: [string, number][] = [
  ['visual.patch_embed.proj.weight', 1234],
  ['visual.blocks.0.attn.qkv.weight', 777],
  ['visual.blocks.1.norm2.weight', 5],
  ['visual.merger.mlp.0.bias', 17],
  ['visual.merger.mlp.2.weight', 3000],
  ['model.layers.0.self_attn.k_proj.bias', 2],
  ['model.layers.1.self_attn.q_proj.weight', 4321],
  ['model.layers.3.mlp.down_proj.weight', 7],
  ['model.norm.weight', 42],
];

describe('gradients through the full tiny model agree with finite differences', () => {
  const config = tinyConfig();
  const image = randomImage(4, 6, 3);
  const ids = tinyPromptIds(6, 4);
  let params: PolicyParameters;

  beforeAll(async () => {
    await selectBackend('wasm', { log: () => undefined });
    // A wider init than HF's 0.02 so every path carries gradient well above float32 noise.
    params = initParameters(config, { seed: 5, std: 0.1 });
  });
  afterAll(() => params.dispose());

  /** Mean next-token cross-entropy over the sequence (the embedding rows of its ids get gradient too). */
  const loss = (): tf.Scalar => {
    const logits = promptLogits(Weights.live(params), { tokenIds: ids, images: [image] });
    const targets = tf.oneHot(tf.tensor1d(ids.slice(1), 'int32'), config.text.vocabSize);
    const logProbs = tf.logSoftmax(tf.slice(logits, [0, 0], [ids.length - 1, -1]));
    return tf.neg(tf.mean(tf.sum(tf.mul(logProbs, targets), -1))) as tf.Scalar;
  };

  it.each(CHECKED)('%s[%i]', (name, index) => {
    const variable = params.get(name);
    const analytic = tf.tidy(() => tf.variableGrads(loss, [variable]).grads[variable.name].dataSync()[index]);
    const original = variable.dataSync().slice() as Float32Array;
    const at = (delta: number) => {
      const shifted = original.slice();
      shifted[index] += delta;
      variable.assign(tf.tensor(shifted, variable.shape));
      return tf.tidy(() => loss().dataSync()[0]);
    };
    const numeric = (at(STEP) - at(-STEP)) / (2 * STEP);
    variable.assign(tf.tensor(original, variable.shape));
    expect(Math.abs(numeric)).toBeGreaterThan(MIN_SIGNAL); // the entry matters to the loss
    expect(Math.abs(analytic - numeric)).toBeLessThan(ABSOLUTE + RELATIVE * Math.abs(numeric));
  });

  it('embedding rows of the input ids (gather gradient via UnsortedSegmentSum)', () => {
    const embed = params.get('model.embed_tokens.weight');
    const row = ids[3];
    const column = 7;
    const index = row * config.text.hiddenSize + column;
    const analytic = tf.tidy(() => tf.variableGrads(loss, [embed]).grads[embed.name].dataSync()[index]);
    const original = embed.dataSync().slice() as Float32Array;
    const at = (delta: number) => {
      const shifted = original.slice();
      shifted[index] += delta;
      embed.assign(tf.tensor(shifted, embed.shape));
      return tf.tidy(() => loss().dataSync()[0]);
    };
    const numeric = (at(STEP) - at(-STEP)) / (2 * STEP);
    embed.assign(tf.tensor(original, embed.shape));
    expect(Math.abs(analytic - numeric)).toBeLessThan(ABSOLUTE + RELATIVE * Math.abs(numeric));
  });
});
