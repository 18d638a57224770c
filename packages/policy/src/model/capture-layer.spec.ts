import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '../backend/select-backend';
import { tinyConfig } from '../config/tiny-config';
import { randomImage, tinyPromptIds } from '../testing/tiny-inputs';
import { initParameters, type PolicyParameters } from './parameters';
import { encodeSequences, encodeSequencesCapturing } from './qwen2-5-vl';
import { rmsNorm } from './rms-norm';
import { Weights } from './weights';

const config = tinyConfig();
const image = randomImage(4, 6, 1);
const ids = tinyPromptIds(6, 2);

let params: PolicyParameters;
beforeAll(async () => {
  await selectBackend('wasm', { log: () => undefined });
  params = initParameters(config, { seed: 0 });
});
afterAll(() => params.dispose());

function maxAbsDifference(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);
}

describe('encodeSequencesCapturing', () => {
  it('the residual stream after the last layer, normed by model.norm, is the final hidden state', () => {
    tf.tidy(() => {
      const w = Weights.live(params);
      const last = config.text.numHiddenLayers - 1;
      const { hidden, captured } = encodeSequencesCapturing(w, [ids], [image], ids.length, last);
      const normed = rmsNorm(captured, w.get('model.norm.weight'), config.text.rmsNormEps);
      expect(maxAbsDifference(normed, hidden)).toBeLessThan(1e-5);
      expect(maxAbsDifference(hidden, encodeSequences(w, [ids], [image]))).toBe(0);
    });
  });

  it('an earlier layer differs from the last one, and only it changes when the layers above it are zeroed', () => {
    tf.tidy(() => {
      const w = Weights.live(params);
      const early = encodeSequencesCapturing(w, [ids], [image], ids.length, 1).captured;
      const last = encodeSequencesCapturing(w, [ids], [image], ids.length, config.text.numHiddenLayers - 1).captured;
      expect(maxAbsDifference(early, last)).toBeGreaterThan(1e-3);
    });
    // With the attention output and MLP down projections of layers 2 and 3 zeroed, those layers
    // add nothing, so the stream after layer 3 is the stream after layer 1.
    const cut = initParameters(config, { seed: 0 });
    try {
      for (const layer of [2, 3]) {
        for (const name of [`model.layers.${layer}.self_attn.o_proj.weight`, `model.layers.${layer}.mlp.down_proj.weight`]) cut.get(name).assign(tf.zerosLike(cut.get(name)));
      }
      tf.tidy(() => {
        const early = encodeSequencesCapturing(Weights.live(params), [ids], [image], ids.length, 1).captured;
        const after = encodeSequencesCapturing(Weights.live(cut), [ids], [image], ids.length, 3).captured;
        expect(maxAbsDifference(after, early)).toBeLessThan(1e-5);
      });
    } finally {
      cut.dispose();
    }
  });

  it('names a layer the decoder does not have', () => {
    const w = Weights.live(params);
    expect(() => encodeSequencesCapturing(w, [ids], [image], ids.length, 4)).toThrow(/captureAfterLayer 4 is not a layer of this 4-layer decoder/);
  });
});
