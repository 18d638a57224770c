import * as tf from '@tensorflow/tfjs-core';
import { seededRandom } from '@mixed-r1/records/testing';
import { microBatches } from '../batch/micro-batches';
import { LOSS_TYPES } from '../loss/registry';
import type { LossSettings } from '../loss/compute-loss';
import { expectAllClose, useCpuBackend, withoutLeaks } from '../spec-helpers';
import { finiteDifferences, loadReferenceFixture, naiveBatchLoss, naiveTableLogProbs, TablePolicy, type TableSequence } from '../testing';
import { accumulateGradients, type Accumulated } from './accumulate';

beforeAll(useCpuBackend);

const fixture = loadReferenceFixture();
const SEQUENCES: TableSequence[] = fixture.sequences.map((s) => ({ ...s }));
const SETTINGS: LossSettings = { epsLow: 0.2, epsHigh: 0.2, beta: 0.04 };
const VOCAB = fixture.vocab;

function policy(): TablePolicy {
  return new TablePolicy(VOCAB, fixture.maxLength, { position: Float32Array.from(fixture.position), transition: Float32Array.from(fixture.transition) });
}

interface Run {
  readonly lossType: 'grpo' | 'dapo' | 'dr_grpo';
  readonly microBatchSize: number | null;
  readonly old: boolean;
}

function run(p: TablePolicy, { lossType, microBatchSize, old }: Run): Accumulated {
  const indices = SEQUENCES.map((_, i) => i);
  const weights = LOSS_TYPES[lossType].sequenceWeights(SEQUENCES.map((s) => s.completionTokenIds.length), { maxCompletionLength: 6 });
  return accumulateGradients({
    policy: p,
    variables: p.trainableVariables,
    sequences: SEQUENCES,
    microBatches: microBatches(indices, microBatchSize),
    advantages: fixture.advantages.group,
    sequenceWeights: weights,
    refLogProbs: fixture.refLogProbs.map((r) => Float32Array.from(r)),
    oldLogProbs: old ? fixture.oldLogProbs.map((r) => Float32Array.from(r)) : null,
    recordLogProbs: null,
    settings: SETTINGS,
  });
}

function values(result: Accumulated, name: string): Float32Array {
  return (result.gradients.get(name) as tf.Tensor).dataSync() as Float32Array;
}

function release(result: Accumulated): void {
  tf.dispose([...result.gradients.values()]);
}

describe('accumulateGradients', () => {
  it('matches a hand-derived gradient: logits [0, ln 3], token 1, A = 1, ref ln(1/2), ratio 1', () => {
    const p = new TablePolicy(2, 1, { position: Float32Array.of(0, Math.log(3)), transition: new Float32Array(4) });
    const result = accumulateGradients({
      policy: p,
      variables: p.trainableVariables,
      sequences: [{ sampleId: 's', groupIndex: 0, promptTokenIds: [0], completionTokenIds: [1] }],
      microBatches: [[0]],
      advantages: [1],
      sequenceWeights: [1],
      refLogProbs: [Float32Array.of(Math.log(0.5))],
      oldLogProbs: null,
      recordLogProbs: null,
      settings: SETTINGS,
    });
    // d loss / d logp = -1 + 0.04 (1 - 2/3); d logp / d logits = onehot(1) - softmax = [-1/4, 1/4].
    const g = (1 - 0.04 / 3) / 4;
    expectAllClose(values(result, 'position.weight'), [g, -g], 1e-7);
    expectAllClose(values(result, 'transition.weight'), [g, -g, 0, 0], 1e-7);
    expect(result.loss).toBeCloseTo(-1 + 0.04 * (Math.log(1.5) - 1 / 3), 6);
    release(result);
    p.dispose();
  });

  for (const lossType of ['grpo', 'dapo', 'dr_grpo'] as const) {
    it(`${lossType}: gradients of a tiny policy equal finite differences of the naive float64 loop`, () => {
      const p = policy();
      const result = run(p, { lossType, microBatchSize: null, old: true });
      const naiveLoss = (position: ArrayLike<number>, transition: ArrayLike<number>) =>
        naiveBatchLoss(
          SEQUENCES.map((s, i) => ({
            logp: naiveTableLogProbs(position, transition, VOCAB, s),
            old: fixture.oldLogProbs[i],
            ref: fixture.refLogProbs[i],
            advantage: fixture.advantages.group[i],
          })),
          lossType,
          SETTINGS,
          6,
        );
      const position = fixture.position;
      const transition = fixture.transition;
      expect(Math.abs(result.loss - naiveLoss(position, transition))).toBeLessThan(2e-6);
      expectAllClose(values(result, 'position.weight'), finiteDifferences((x) => naiveLoss(x, transition), position), 2e-6);
      expectAllClose(values(result, 'transition.weight'), finiteDifferences((x) => naiveLoss(position, x), transition), 2e-6);
      release(result);
      p.dispose();
    });
  }

  it('agrees with central differences of its own float32 loss', () => {
    const p = policy();
    const result = run(p, { lossType: 'grpo', microBatchSize: null, old: true });
    const random = seededRandom(7);
    const variable = p.variable('transition.weight');
    const base = variable.dataSync().slice();
    const h = 1e-2;
    for (let k = 0; k < 6; k++) {
      const i = Math.floor(random() * base.length);
      const at = (delta: number) => {
        const moved = base.slice();
        moved[i] += delta;
        variable.assign(tf.tensor2d(moved, variable.shape as [number, number]));
        const r = run(p, { lossType: 'grpo', microBatchSize: null, old: true });
        release(r);
        return r.loss;
      };
      const estimate = (at(h) - at(-h)) / (2 * h);
      expect(Math.abs(values(result, 'transition.weight')[i] - estimate)).toBeLessThan(2e-4);
    }
    release(result);
    p.dispose();
  });

  for (const lossType of ['grpo', 'dapo', 'dr_grpo'] as const) {
    it(`${lossType}: micro-batches of 1, 2, 4 and 5 sequences accumulate the full-batch gradient`, () => {
      const p = policy();
      const full = run(p, { lossType, microBatchSize: null, old: true });
      for (const microBatchSize of [1, 2, 4, 5]) {
        const split = run(p, { lossType, microBatchSize, old: true });
        expect(Math.abs(split.loss - full.loss)).toBeLessThan(1e-7);
        for (const name of ['position.weight', 'transition.weight']) expectAllClose(values(split, name), values(full, name), 1e-7);
        expect(split.sums).toEqual({ ...full.sums, ratio: expect.closeTo(full.sums?.ratio ?? 0, 4), kl: expect.closeTo(full.sums?.kl ?? 0, 5) });
        release(split);
      }
      release(full);
      p.dispose();
    });
  }

  it('leaves no tensor behind, and none when a log-prob is not finite', () => {
    const p = policy();
    withoutLeaks(() => release(run(p, { lossType: 'dapo', microBatchSize: 4, old: true })));
    const nan: TablePolicy = Object.create(p, {
      tokenLogProbs: { value: (s: readonly TableSequence[]) => tf.tidy(() => tf.mul(p.tokenLogProbs(s), s[0].sampleId === 'b' ? Number.NaN : 1)) },
    });
    withoutLeaks(() => expect(() => run(nan, { lossType: 'dapo', microBatchSize: 3, old: true })).toThrow(/policy log-probs of sample "b" group_index 0 completion token 0 is NaN/));
    p.dispose();
  });
});
