import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '../backend/select-backend';
import { tinyConfig } from '../config/tiny-config';
import { randomImage, tinyPromptIds } from '../testing/tiny-inputs';
import { initParameters, type PolicyParameters } from './parameters';
import { encodeSequences, encodeSequencesCapturing, encodeSequencesObserving } from './qwen2-5-vl';
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
    expect(() => encodeSequencesCapturing(w, [ids], [image], ids.length, 4)).toThrow(/residualAfterLayer 4 is not a layer of this 4-layer decoder/);
  });
});

describe('encodeSequencesObserving: attention probabilities', () => {
  // With head h's query projection (weight rows h * headDim .. and bias) zeroed, every score of
  // that head is 0, so its causal softmax is uniform: query t gives 1 / (t + 1) to keys 0 .. t.
  function withZeroQuery(layer: number, head: number): PolicyParameters {
    const cut = initParameters(config, { seed: 0 });
    const { headDim } = config.text;
    for (const name of [`model.layers.${layer}.self_attn.q_proj.weight`, `model.layers.${layer}.self_attn.q_proj.bias`]) {
      const tensor = cut.get(name);
      const values = tensor.arraySync() as number[][] | number[];
      // HF Linear weights are [out, in]: head h owns output rows h * headDim .. (h + 1) * headDim.
      for (let row = head * headDim; row < (head + 1) * headDim; row++) {
        if (Array.isArray(values[row])) (values[row] as number[]).fill(0);
        else (values as number[])[row] = 0;
      }
      tensor.assign(tf.tensor(values as number[][], tensor.shape));
    }
    return cut;
  }

  it('a head with a zero query attends uniformly to its causal past; the others do not', () => {
    const cut = withZeroQuery(2, 3);
    try {
      tf.tidy(() => {
        const { attention, hidden } = encodeSequencesObserving(Weights.live(cut), [ids], [image], ids.length, { attentionOfLayer: 2 });
        const probabilities = attention!.arraySync()[0];
        expect(attention!.shape).toEqual([1, config.text.numAttentionHeads, ids.length, ids.length]);
        for (let t = 0; t < ids.length; t++) {
          for (let key = 0; key < ids.length; key++) expect(probabilities[3][t][key]).toBeCloseTo(key <= t ? 1 / (t + 1) : 0, 6);
        }
        // head 2 shares head 3's key/value head but keeps its query: not uniform
        const last = probabilities[2][ids.length - 1];
        expect(Math.max(...last) - Math.min(...last)).toBeGreaterThan(1e-3);
        // every head's rows are distributions over the causal past
        for (const head of probabilities) {
          head.forEach((row, t) => {
            expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
            expect(row.slice(t + 1).every((p) => p === 0)).toBe(true);
          });
        }
        expect(maxAbsDifference(hidden, encodeSequences(Weights.live(cut), [ids], [image]))).toBe(0);
      });
    } finally {
      cut.dispose();
    }
  });

  it('captures a residual and an attention in one pass, and names a layer the decoder does not have', () => {
    tf.tidy(() => {
      const w = Weights.live(params);
      const both = encodeSequencesObserving(w, [ids], [image], ids.length, { residualAfterLayer: 1, attentionOfLayer: 2 });
      expect(maxAbsDifference(both.captured!, encodeSequencesCapturing(w, [ids], [image], ids.length, 1).captured)).toBe(0);
      expect(encodeSequencesObserving(w, [ids], [image], ids.length, {}).attention).toBeNull();
      expect(() => encodeSequencesObserving(w, [ids], [image], ids.length, { attentionOfLayer: -1 })).toThrow(/attentionOfLayer -1 is not a layer/);
    });
  });
});
