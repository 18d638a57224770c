import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '../backend/select-backend';
import { referenceCases, REFERENCE_MODEL_DIR } from '../testing/reference-fixture';
import { loadCheckpoint } from '../weights/checkpoint';
import { promptLogits } from './qwen2-5-vl';
import { Weights } from './weights';

/** The bound for agreement with the PyTorch reference (float32 on both sides). */
const MAX_ABS_ERROR = 1e-4;

describe('logits agree with the PyTorch reference (tools/policy-reference)', () => {
  beforeAll(async () => {
    await selectBackend('wasm', { log: () => undefined });
  });

  it.each(referenceCases().map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { params } = loadCheckpoint(REFERENCE_MODEL_DIR, { trainable: false });
    const logits = promptLogits(Weights.live(params), { tokenIds: c.tokenIds, images: c.images });
    expect(logits.shape).toEqual([c.tokenIds.length, params.config.text.vocabSize]);
    const ours = logits.dataSync();
    let maxError = 0;
    ours.forEach((v, i) => (maxError = Math.max(maxError, Math.abs(v - c.logits[i]))));
    expect(maxError).toBeLessThan(MAX_ABS_ERROR);
    // The logits are not trivially small: the bound is meaningful.
    expect(Math.max(...Array.from(c.logits, Math.abs))).toBeGreaterThan(1);
    tf.dispose(logits);
    params.dispose();
  });
});
