import * as tf from '@tensorflow/tfjs-core';
import { parameterSpecs, PolicyParameters, scoreCompletions, tinyConfig, TINY_TOKEN_IDS, Weights } from '@mixed-r1/policy';
import { resolveGrpoConfig } from '../config/resolve-config';
import { useWasmBackend, withoutLeaks } from '../spec-helpers';
import { GrpoOptimizer } from '../train/grpo-optimizer';
import { qwenLogProbPolicy } from './qwen-log-prob-policy';

beforeAll(useWasmBackend);

interface Rollout {
  sampleId: string;
  groupIndex: number;
  promptTokenIds: number[];
  completionTokenIds: number[];
}

const { imStart, imEnd } = TINY_TOKEN_IDS;

/**
 * Tiny-config parameters made by tensor ops (a hashed sine, std about 0.02), not by the policy's JS
 * generator, which is slow under jest.
 */
function quickParameters(seed: number, trainable = true): PolicyParameters {
  const config = tinyConfig();
  const values = new Map<string, tf.Tensor>();
  for (const spec of parameterSpecs(config)) {
    const size = spec.shape.reduce((a, b) => a * b, 1);
    const value = tf.tidy(() => {
      if (spec.init !== 'normal') return spec.init === 'ones' ? tf.ones([size]) : tf.zeros([size]);
      const x = tf.mul(tf.sin(tf.add(tf.mul(tf.range(0, size), 12.9898), seed * 78.233 + values.size)), 43758.5453);
      return tf.mul(tf.sub(tf.sub(x, tf.floor(x)), 0.5), 0.07);
    });
    values.set(spec.name, tf.reshape(value, spec.shape as number[]));
    value.dispose();
  }
  const params = PolicyParameters.fromTensors(config, values, { trainable });
  tf.dispose([...values.values()]);
  return params;
}
const PROMPTS: Record<string, number[]> = { a: [imStart, 10, 20, 30, imEnd], b: [imStart, 40, imEnd] };
const ROLLOUTS: Rollout[] = [
  { sampleId: 'a', groupIndex: 0, promptTokenIds: PROMPTS.a, completionTokenIds: [5, 6, 7] },
  { sampleId: 'a', groupIndex: 1, promptTokenIds: PROMPTS.a, completionTokenIds: [8] },
  { sampleId: 'b', groupIndex: 0, promptTokenIds: PROMPTS.b, completionTokenIds: [9, 10] },
  { sampleId: 'b', groupIndex: 1, promptTokenIds: PROMPTS.b, completionTokenIds: [11, 12] },
];

describe('qwenLogProbPolicy (the policy package tiny model)', () => {
  it('scores each prompt run with scoreCompletions and stacks the runs padded to the longest completion', () => {
    const params = quickParameters(3);
    const policy = qwenLogProbPolicy<Rollout>(params, { prompt: (s) => ({ tokenIds: s.promptTokenIds }) });
    const got = withoutLeaks(() => {
      const t = policy.tokenLogProbs(ROLLOUTS);
      const out = { shape: t.shape, values: t.arraySync() as number[][] };
      t.dispose();
      return out;
    });
    expect(got.shape).toEqual([4, 3]);
    for (const [sampleId, rows] of [['a', [0, 1]], ['b', [2, 3]]] as const) {
      const scored = scoreCompletions(Weights.live(params), { tokenIds: PROMPTS[sampleId] }, rows.map((r) => ROLLOUTS[r].completionTokenIds));
      const expected = scored.logProbs.arraySync();
      rows.forEach((r, k) => ROLLOUTS[r].completionTokenIds.forEach((_, t) => expect(got.values[r][t]).toBe(expected[k][t])));
      tf.dispose([scored.logProbs, scored.mask]);
    }
    params.dispose();
  });

  it('trains the decoder through GrpoOptimizer with the vision tower frozen', () => {
    const params = quickParameters(4);
    const reference = quickParameters(4, false);
    const prompt = (s: Rollout) => ({ tokenIds: s.promptTokenIds });
    const optimizer = new GrpoOptimizer({
      policy: qwenLogProbPolicy<Rollout>(params, { prompt }),
      reference: qwenLogProbPolicy<Rollout>(reference, { prompt }),
      config: resolveGrpoConfig({ numGenerations: 2, freeze: ['visual.'], microBatchSize: 2, optimizer: { learningRate: 1e-3 } }),
    });
    expect([...optimizer.variables.keys()].some((name) => name.startsWith('visual.'))).toBe(false);
    const visual = params.names().find((name) => name.startsWith('visual.')) as string;
    const embed = 'model.embed_tokens.weight';
    const before = { visual: params.get(visual).dataSync().slice(), embed: params.get(embed).dataSync().slice() };
    const batch = { sequences: ROLLOUTS, advantages: [1, -1, -1, 1], skipped: [] };
    const first = optimizer.step(batch).metrics[0];
    expect(first).toMatchObject({ updated: true, ratioMean: 1, kl: 0, tokens: 8 });
    expect(Array.from(params.get(visual).dataSync())).toEqual(Array.from(before.visual));
    expect(Array.from(params.get(embed).dataSync())).not.toEqual(Array.from(before.embed));
    const second = withoutLeaks(() => optimizer.step(batch).metrics[0]);
    expect(second.kl).toBeGreaterThan(0);
    optimizer.dispose();
    params.dispose();
    reference.dispose();
  });
});
