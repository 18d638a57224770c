import * as tf from '@tensorflow/tfjs-core';
import type { TrainingBatch } from '../batch/training-batch';
import { resolveGrpoConfig } from '../config/resolve-config';
import { NonFiniteError } from '../guards/non-finite-error';
import { expectAllClose, useCpuBackend, withoutLeaks } from '../spec-helpers';
import { loadReferenceFixture, TablePolicy, type TableSequence } from '../testing';
import { GrpoOptimizer } from './grpo-optimizer';
import type { LogProbScorer } from './log-prob-policy';

beforeAll(useCpuBackend);

const fixture = loadReferenceFixture();
const SEQUENCES: TableSequence[] = fixture.sequences.map((s) => ({ ...s }));
const BATCH: TrainingBatch<TableSequence> = { sequences: SEQUENCES, advantages: fixture.advantages.group, skipped: [] };

function policy(): TablePolicy {
  return new TablePolicy(fixture.vocab, fixture.maxLength, { position: Float32Array.from(fixture.position), transition: Float32Array.from(fixture.transition) });
}

const config = (overrides: Record<string, unknown> = {}) => resolveGrpoConfig({ numGenerations: 3, optimizer: { learningRate: 0.01 }, ...overrides });

/** A scorer that poisons one group's log-probs (values, not gradients). */
function poisoned(p: LogProbScorer<TableSequence>, sampleId: string, value = Number.NaN): LogProbScorer<TableSequence> {
  return {
    tokenLogProbs: (sequences) =>
      tf.tidy(() => {
        const rows = tf.tensor2d(sequences.map((s) => [s.sampleId === sampleId ? value : 0]));
        return tf.add(p.tokenLogProbs(sequences), rows);
      }),
  };
}

/** A policy whose forward is fine but whose gradient is NaN for one group's sequences. */
function nanGradient(p: TablePolicy, sampleId: string): TablePolicy {
  const poison = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x, rows, save] = args as [tf.Tensor, tf.Tensor, tf.GradSaveFunc];
    save([rows]);
    return { value: tf.clone(x), gradFunc: (dy: tf.Tensor, [saved]: tf.Tensor[]) => [tf.where(tf.greater(tf.add(dy, saved), dy), tf.fill(dy.shape, Number.NaN), dy), tf.zerosLike(saved)] };
  });
  return Object.create(p, {
    tokenLogProbs: {
      value: (sequences: readonly TableSequence[]) =>
        tf.tidy(() => poison(p.tokenLogProbs(sequences), tf.tensor2d(sequences.map((s) => [s.sampleId === sampleId ? 1 : 0]))) as tf.Tensor2D),
    },
  });
}

describe('GrpoOptimizer', () => {
  it('first step: ratio exactly 1 and KL exactly 0 against a reference equal to the policy', () => {
    const p = policy();
    const reference = p.frozenCopy();
    const optimizer = new GrpoOptimizer({ policy: p, reference, config: config() });
    const { metrics } = optimizer.step(BATCH);
    expect(metrics).toHaveLength(1);
    expect(metrics[0]).toMatchObject({ step: 1, innerStep: 0, updated: true, ratioMean: 1, kl: 0, clipFractionLow: 0, clipFractionHigh: 0, clipFraction: 0, sequences: 9, tokens: 26 });
    expect(metrics[0].fracRewardZeroStd).toBeCloseTo(1 / 3, 12);
    expect(metrics[0].learningRate).toBe(0.01);
    expect(metrics[0].gradNorm).toBeGreaterThan(0);
    expect(metrics[0].tokensPerSecond).toBeGreaterThan(0);
    // The second generation batch sees the updated policy: the KL is no longer 0.
    expect(optimizer.step(BATCH).metrics[0].kl).toBeGreaterThan(0);
    optimizer.dispose();
    p.dispose();
    reference.dispose();
  });

  it('mu = 2: two updates, the second against the cached log-probs of the first', () => {
    const p = policy();
    const optimizer = new GrpoOptimizer({ policy: p, config: config({ mu: 2, beta: 0, optimizer: { learningRate: 0.2 } }) });
    const { metrics } = optimizer.step(BATCH);
    expect(metrics.map((m) => [m.step, m.innerStep])).toEqual([[1, 0], [2, 1]]);
    expect(metrics[0].ratioMean).toBe(1);
    expect(metrics[1].ratioMean).not.toBe(1);
    expect(metrics[0].kl).toBeNull();
    optimizer.dispose();
    p.dispose();
  });

  it('micro-batching gives the same update as one big batch', () => {
    const after = (microBatchSize: number | null) => {
      const p = policy();
      const reference = p.frozenCopy();
      const optimizer = new GrpoOptimizer({ policy: p, reference, config: config({ microBatchSize, mu: 2, lossType: 'dapo' }) });
      const loss = optimizer.step(BATCH).metrics.map((m) => m.loss);
      const values = p.values();
      [optimizer, p, reference].forEach((x) => x.dispose());
      return { loss, values };
    };
    const full = after(null);
    for (const size of [1, 2, 4]) {
      const split = after(size);
      expectAllClose(split.loss, full.loss, 1e-7);
      expectAllClose(split.values.position, full.values.position, 1e-6);
      expectAllClose(split.values.transition, full.values.transition, 1e-6);
    }
  });

  it('updates only trainable variables: a frozen prefix stays as it was', () => {
    const p = policy();
    const before = p.values();
    const optimizer = new GrpoOptimizer({ policy: p, config: config({ beta: 0, freeze: ['transition.'] }) });
    expect([...optimizer.variables.keys()]).toEqual(['position.weight']);
    optimizer.step(BATCH);
    expect(Array.from(p.values().transition)).toEqual(Array.from(before.transition));
    expect(Array.from(p.values().position)).not.toEqual(Array.from(before.position));
    expect(() => new GrpoOptimizer({ policy: p, config: config({ beta: 0, freeze: ['visual.'] }) })).toThrow(/freeze: expected prefixes of the policy's variable names \(they start with position\., transition\.\), found "visual\."/);
    expect(() => new GrpoOptimizer({ policy: p, config: config({ beta: 0, freeze: ['position', 'transition'] }) })).toThrow(/at least one trainable variable/);
    optimizer.dispose();
    p.dispose();
  });

  it('needs a reference policy when beta > 0, and uses none when beta = 0', () => {
    const p = policy();
    expect(() => new GrpoOptimizer({ policy: p, config: config() })).toThrow(/beta: expected 0 when no reference policy is given \(or pass `reference`\), found 0.04/);
    const never: LogProbScorer<TableSequence> = { tokenLogProbs: () => { throw new Error('the reference was used'); } };
    const optimizer = new GrpoOptimizer({ policy: p, reference: never, config: config({ beta: 0 }) });
    expect(optimizer.step(BATCH).metrics[0].kl).toBeNull();
    optimizer.dispose();
    p.dispose();
  });

  it('leaves no tensor behind in a step (after the first, which creates the optimizer moments)', () => {
    const p = policy();
    const reference = p.frozenCopy();
    const optimizer = new GrpoOptimizer({ policy: p, reference, config: config({ mu: 2, microBatchSize: 4, maxGradNorm: 0.01 }) });
    optimizer.step(BATCH);
    withoutLeaks(() => optimizer.step(BATCH));
    optimizer.dispose();
    [p, reference].forEach((x) => x.dispose());
  });
});

describe('GrpoOptimizer guards', () => {
  it('stops on non-finite policy log-probs naming the sample, completion, tensor and token; nothing is updated', () => {
    const p = policy();
    const before = p.values();
    const bad = Object.create(p, { tokenLogProbs: { value: poisoned(p, 'b').tokenLogProbs } }) as TablePolicy;
    const optimizer = new GrpoOptimizer({ policy: bad, config: config({ beta: 0, microBatchSize: 4 }) });
    withoutLeaks(() => expect(() => optimizer.step(BATCH)).toThrow(/policy forward: policy log-probs of sample "b" group_index 0 completion token 0 is NaN\. Nothing was updated; .*set onNonFinite: "skip-group"/));
    expect(p.values()).toEqual(before);
    optimizer.dispose();
    p.dispose();
  });

  it('skip-group: leaves the bad group out and makes exactly the update of the batch without it', () => {
    const withoutB: TrainingBatch<TableSequence> = {
      sequences: SEQUENCES.filter((s) => s.sampleId !== 'b'),
      advantages: fixture.advantages.group.filter((_, i) => SEQUENCES[i].sampleId !== 'b'),
      skipped: [],
    };
    const run = (batch: TrainingBatch<TableSequence>, poison: boolean) => {
      const p = policy();
      const reference = p.frozenCopy();
      const trained = poison ? (Object.create(p, { tokenLogProbs: { value: poisoned(p, 'b', Number.POSITIVE_INFINITY).tokenLogProbs } }) as TablePolicy) : p;
      const optimizer = new GrpoOptimizer({ policy: trained, reference, config: config({ onNonFinite: 'skip-group', microBatchSize: 2, mu: 2 }) });
      const result = optimizer.step(batch);
      const values = p.values();
      [optimizer, p, reference].forEach((x) => x.dispose());
      return { result, values };
    };
    const skipped = run(BATCH, true);
    const clean = run(withoutB, false);
    expect(skipped.result.skipped).toEqual([{ sampleId: 'b', reason: expect.stringMatching(/policy log-probs of sample "b" group_index 0 completion token 0 is Infinity/) }]);
    expect(skipped.result.metrics.map((m) => [m.skippedGroups, m.sequences])).toEqual([[1, 6], [1, 6]]);
    expectAllClose(skipped.values.position, clean.values.position, 1e-7);
    expectAllClose(skipped.values.transition, clean.values.transition, 1e-7);
  });

  it('guards the reference log-probs and the advantages the same way', () => {
    const p = policy();
    const reference = p.frozenCopy();
    const strict = new GrpoOptimizer({ policy: p, reference: poisoned(reference, 'c'), config: config() });
    expect(() => strict.step(BATCH)).toThrow(/reference forward: reference log-probs of sample "c" group_index 0 completion token 0 is NaN/);
    const nanAdvantage = { ...BATCH, advantages: BATCH.advantages.map((a, i) => (i === 4 ? Number.NaN : a)) };
    expect(() => strict.step(nanAdvantage)).toThrow(/advantages: advantage of sample "b" group_index 1 is NaN/);
    const lenient = new GrpoOptimizer({ policy: p, reference: poisoned(reference, 'c'), config: config({ onNonFinite: 'skip-group' }) });
    const result = lenient.step(nanAdvantage);
    expect(result.skipped.map((s) => s.sampleId)).toEqual(['b', 'c']);
    expect(result.metrics[0].sequences).toBe(3);
    [strict, lenient, p, reference].forEach((x) => x.dispose());
  });

  it('stops on a non-finite gradient naming the group and the variable, or skips the group', () => {
    const p = policy();
    const bad = nanGradient(p, 'a');
    const before = p.values();
    const strict = new GrpoOptimizer({ policy: bad, config: config({ beta: 0 }) });
    expect(() => strict.step(BATCH)).toThrow(/policy backward: gradient of position\.weight of sample "a" is NaN; gradient of transition\.weight of sample "a" is NaN/);
    expect(p.values()).toEqual(before);
    const lenient = new GrpoOptimizer({ policy: bad, config: config({ beta: 0, onNonFinite: 'skip-group' }) });
    lenient.step(BATCH); // creates the optimizer moments
    const result = withoutLeaks(() => lenient.step(BATCH));
    expect(result.skipped.map((s) => s.sampleId)).toEqual(['a']);
    expect(result.metrics[0].updated).toBe(true);
    expect(Number.isFinite(result.metrics[0].gradNorm)).toBe(true);
    expect(p.values().position.every(Number.isFinite)).toBe(true);
    [strict, lenient, p].forEach((x) => x.dispose());
  });

  it('makes no update when every group is skipped', () => {
    const p = policy();
    const before = p.values();
    const all: LogProbScorer<TableSequence> = { tokenLogProbs: (s) => tf.tidy(() => tf.mul(p.tokenLogProbs(s), Number.NaN)) };
    const optimizer = new GrpoOptimizer({ policy: Object.create(p, { tokenLogProbs: { value: all.tokenLogProbs } }) as TablePolicy, config: config({ beta: 0, onNonFinite: 'skip-group' }) });
    const { metrics, skipped } = optimizer.step(BATCH);
    expect(skipped).toHaveLength(3);
    expect(metrics[0]).toMatchObject({ updated: false, sequences: 0, tokens: 0, step: 0 });
    expect(p.values()).toEqual(before);
    expect(() => optimizer.step(BATCH)).not.toThrow(NonFiniteError);
    optimizer.dispose();
    p.dispose();
  });
});
