import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '../backend/select-backend';
import { tinyConfig } from '../config/tiny-config';
import { randomImage, tinyPromptIds } from '../testing/tiny-inputs';
import { lmHead } from './decoder';
import { initParameters, type PolicyParameters } from './parameters';
import { parameterCount } from './parameter-specs';
import { encodePrompt, encodeSequences, extend, promptLogits } from './qwen2-5-vl';
import { Weights } from './weights';

const config = tinyConfig();
const image = randomImage(4, 6, 1); // 24 patches -> 6 image tokens, windows of 2x2 units: [2x2][2x1]
const ids = tinyPromptIds(6, 2);

let params: PolicyParameters;
beforeAll(async () => {
  await selectBackend('wasm', { log: () => undefined });
  params = initParameters(config, { seed: 0 });
});
afterAll(() => params.dispose());

describe('the tiny random model', () => {
  it('has the expected size (hand count)', () => {
    // Vision: patch 64*1176 + 2 blocks * 41,664 + merger 98,752 = 257,344.
    // Text: embeddings 960*128 + 4 layers * 197,120 + final norm 128 = 911,488 (head tied).
    expect(parameterCount(config)).toBe(257_344 + 911_488);
  });

  it('gives [T, vocab] logits with a fixed-seed checksum', () => {
    const logits = promptLogits(Weights.live(params), { tokenIds: ids, images: [image] });
    expect(logits.shape).toEqual([22, 960]);
    // Recorded from this implementation (wasm; the cpu backend agrees to 1e-5 relative).
    expect(tf.sum(logits).dataSync()[0]).toBeCloseTo(79.914, 1);
    expect(tf.sum(tf.abs(logits)).dataSync()[0] / 3856.9).toBeCloseTo(1, 4);
    tf.dispose(logits);
  });

  it('the cache after a prompt gives the same hidden states as running prompt + continuation at once', () => {
    const continuation = [11, 12, 13];
    const [split, whole] = tf.tidy(() => {
      const w = Weights.live(params);
      const prompt = encodePrompt(w, { tokenIds: ids, images: [image] });
      expect(prompt.cache.layers).toHaveLength(4);
      expect(prompt.cache.layers[0].k.shape).toEqual([1, 2, 22, 32]);
      expect(prompt.cache.nextPosition).toBe(1 + 5 + 1 + 3 + 1 + 7 + 1); // the image's 2x3 tokens advance positions by 3
      const next = extend(w, [continuation], prompt.cache);
      const all = encodePrompt(w, { tokenIds: [...ids, ...continuation], images: [image] });
      return [lmHead(w, tf.squeeze(next.hidden, [0]) as tf.Tensor2D), lmHead(w, tf.slice(tf.squeeze(all.hidden, [0]), [22, 0], [3, -1]) as tf.Tensor2D)];
    });
    const a = split.dataSync();
    const b = whole.dataSync();
    let maxError = 0;
    a.forEach((v, i) => (maxError = Math.max(maxError, Math.abs(v - b[i]))));
    expect(maxError).toBeLessThan(1e-4);
    tf.dispose([split, whole]);
  });

  it('an image token after the prompt (a generated one) is an ordinary token, cached or recomputed', () => {
    const pad = config.tokens.imageTokenId;
    const [cached, recomputed] = tf.tidy(() => {
      const w = Weights.live(params);
      const prompt = encodePrompt(w, { tokenIds: ids, images: [image] });
      const next = extend(w, [[pad, 7]], prompt.cache).hidden;
      const whole = encodeSequences(w, [[...ids, pad, 7]], [image], ids.length);
      return [next, tf.slice(whole, [0, ids.length, 0], [1, 2, -1])];
    });
    const a = cached.dataSync();
    const b = recomputed.dataSync();
    expect(Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i])))).toBeLessThan(1e-4);
    tf.dispose([cached, recomputed]);
  });

  it('leaks no tensors across a forward and a gradient step', () => {
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      const { value, grads } = tf.variableGrads(
        () => tf.mean(tf.logSumExp(promptLogits(Weights.live(params), { tokenIds: ids, images: [image] }), -1)) as tf.Scalar,
        params.list(),
      );
      expect(Number.isFinite(value.dataSync()[0])).toBe(true);
      expect(Object.keys(grads)).toHaveLength(params.list().length);
    });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects token ids outside the vocabulary and mismatched image tokens, naming them', () => {
    const w = Weights.live(params);
    expect(() => promptLogits(w, { tokenIds: [1, 960] })).toThrow('token id 960 at row 0, position 1 is outside the vocabulary (0..959)');
    expect(() => promptLogits(w, { tokenIds: ids, images: [randomImage(4, 4, 1)] })).toThrow(/image 0 needs 4 image tokens|image token at position/);
    expect(() => promptLogits(w, { tokenIds: ids, images: [{ rows: new Float32Array(10), grid: { t: 1, h: 4, w: 6 } }] })).toThrow(
      'image 0: expected t*h*w*1176 = 28224 values for grid 1x4x6, found 10',
    );
  });
});
