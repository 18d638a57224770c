import * as tf from '@tensorflow/tfjs-core';
import { seededRandom } from '@mixed-r1/records/testing';
import { expectAllClose, FLOAT32_TOLERANCE, useCpuBackend, withoutLeaks } from '../spec-helpers';
import { finiteDifferences, naiveBatchLoss, type NaiveLossType, type NaiveSequence } from '../testing';
import { computeLoss, type LossInputs, type LossSettings } from './compute-loss';
import { LOSS_TYPES } from './registry';

beforeAll(useCpuBackend);

const SETTINGS: LossSettings = { epsLow: 0.2, epsHigh: 0.28, beta: 0.04 };

interface Plain {
  logp: number[][];
  old: number[][] | null;
  ref: number[][] | null;
  advantages: number[];
  lengths: number[];
  weights: number[];
}

/** [b, T] tensors from rows; positions past a row's length hold `pad`. */
function padded(rows: number[][], width: number, pad: number): tf.Tensor2D {
  return tf.tensor2d(rows.map((r) => Array.from({ length: width }, (_, t) => (t < r.length ? r[t] : pad))));
}

function tensorsOf(p: Plain, pad = 0): Omit<LossInputs, 'logProbs'> & { logProbs: tf.Tensor2D } {
  const width = Math.max(...p.lengths);
  return {
    logProbs: padded(p.logp, width, pad),
    oldLogProbs: p.old ? padded(p.old, width, pad) : null,
    refLogProbs: p.ref ? padded(p.ref, width, pad) : null,
    advantages: tf.tensor1d(p.advantages),
    mask: tf.tensor2d(p.lengths.map((n) => Array.from({ length: width }, (_, t) => (t < n ? 1 : 0)))),
    sequenceWeights: tf.tensor1d(p.weights),
  };
}

/** The loss, its gradient with respect to the log-probs, and the metric sums; checks for leaks. */
function lossAndGradient(p: Plain, settings: LossSettings, pad = 0) {
  return withoutLeaks(() => {
    const inputs = tensorsOf(p, pad);
    let metrics = null as ReturnType<typeof computeLoss>['metrics'] | null;
    const { value, grad } = tf.valueAndGrad((lp: tf.Tensor) => {
      const out = computeLoss({ ...inputs, logProbs: lp as tf.Tensor2D }, settings);
      metrics = out.metrics;
      return out.loss;
    })(inputs.logProbs);
    const result = { loss: value.dataSync()[0], gradient: grad.arraySync() as number[][], metrics: metrics as NonNullable<typeof metrics> };
    tf.dispose([value, grad, ...(Object.values(inputs) as (tf.Tensor | null)[]).filter((t): t is tf.Tensor => t !== null)]);
    return result;
  });
}

/** A random batch whose ratios stay at least 1e-3 away from the clip bounds (finite differences cross no kink). */
function randomBatch(seed: number, lengths: number[]): Omit<Plain, 'weights'> {
  const random = seededRandom(seed);
  const logp = lengths.map((n) => Array.from({ length: n }, () => Math.fround(-0.1 - 3 * random())));
  const awayFromBounds = (lp: number) => {
    for (;;) {
      const old = Math.fround(lp + 0.8 * (random() - 0.5));
      const ratio = Math.exp(lp - old);
      if ([1 - SETTINGS.epsLow, 1 + SETTINGS.epsHigh].every((b) => Math.abs(ratio - b) > 1e-3)) return old;
    }
  };
  return {
    logp,
    old: logp.map((row) => row.map(awayFromBounds)),
    ref: logp.map((row) => row.map((lp) => Math.fround(lp + 0.6 * (random() - 0.5)))),
    advantages: lengths.map(() => Math.fround(2 * random() - 1)),
    lengths,
  };
}

function naiveSequences(p: Omit<Plain, 'weights'>, logp: ArrayLike<number>): NaiveSequence[] {
  let k = 0;
  return p.lengths.map((n, i) => ({
    logp: Array.from({ length: n }, () => logp[k++]),
    old: p.old ? p.old[i] : null,
    ref: p.ref ? p.ref[i] : null,
    advantage: p.advantages[i],
  }));
}

describe('computeLoss', () => {
  it('matches a hand-derived single token: ratio 1, A = 1, k3 against ref = ln(1/2)', () => {
    const logp = Math.log(3 / 4);
    const ref = Math.log(1 / 2);
    const out = lossAndGradient({ logp: [[logp]], old: null, ref: [[ref]], advantages: [1], lengths: [1], weights: [1] }, { epsLow: 0.2, epsHigh: 0.2, beta: 0.04 });
    // loss = -(1 * 1) + 0.04 * (2/3 - ln(2/3) - 1); d/dlogp = -1 + 0.04 * (1 - 2/3).
    expect(out.loss).toBeCloseTo(-1 + 0.04 * (Math.log(1.5) - 1 / 3), 6);
    expect(out.gradient[0][0]).toBeCloseTo(-1 + 0.04 / 3, 6);
    expect(out.metrics).toEqual({ tokens: 1, ratio: 1, kl: expect.closeTo(Math.log(1.5) - 1 / 3, 6), clippedLow: 0, clippedHigh: 0 });
  });

  for (const lossType of ['grpo', 'dapo', 'dr_grpo'] as const) {
    it(`${lossType}: loss and gradient equal the naive loop of TRL's formulas (finite differences, float64)`, () => {
      const base = randomBatch(11, [3, 0, 5, 1, 4]);
      const weights = Array.from(LOSS_TYPES[lossType].sequenceWeights(base.lengths, { maxCompletionLength: 6 }));
      const out = lossAndGradient({ ...base, weights }, SETTINGS);
      const flat = base.logp.flat();
      const naive = (x: ArrayLike<number>) => naiveBatchLoss(naiveSequences(base, x), lossType as NaiveLossType, SETTINGS, 6);
      expect(Math.abs(out.loss - naive(flat))).toBeLessThan(FLOAT32_TOLERANCE);
      const expected = finiteDifferences(naive, flat);
      const actual = base.lengths.flatMap((n, i) => out.gradient[i].slice(0, n));
      expectAllClose(actual, expected, 1e-6);
      expect(out.metrics.clippedLow + out.metrics.clippedHigh).toBeGreaterThan(0);
    });
  }

  it('ignores padding entirely: NaN there changes neither the loss nor the gradient', () => {
    const base = { ...randomBatch(5, [2, 4, 1]), weights: [0.5, 0.25, 1] };
    const clean = lossAndGradient(base, SETTINGS, 0);
    const dirty = lossAndGradient(base, SETTINGS, Number.NaN);
    expect(dirty.loss).toBe(clean.loss);
    expect(dirty.metrics).toEqual(clean.metrics);
    dirty.gradient.forEach((row, i) => row.forEach((g, t) => expect(g + 0).toBe(t < base.lengths[i] ? clean.gradient[i][t] : 0)));
  });

  it('with no old log-probs (mu = 1) the ratio is exactly 1, and with ref = logp the KL is exactly 0', () => {
    const base = randomBatch(3, [4, 2]);
    const out = lossAndGradient({ ...base, old: null, ref: base.logp, weights: [0.125, 0.25] }, SETTINGS);
    expect(out.metrics).toEqual({ tokens: 6, ratio: 6, kl: 0, clippedLow: 0, clippedHigh: 0 });
    // loss = -sum_b w_b len_b A_b; gradient -A_b w_b.
    expect(out.loss).toBeCloseTo(-(0.125 * 4 * base.advantages[0] + 0.25 * 2 * base.advantages[1]), 6);
    expect(out.gradient[0][0]).toBeCloseTo(-0.125 * base.advantages[0], 7);
  });

  it('errors on beta > 0 without reference log-probs and on mismatched shapes', () => {
    const base = { ...randomBatch(3, [2]), weights: [1] };
    expect(() => lossAndGradient({ ...base, ref: null }, SETTINGS)).toThrow(/beta is 0.04 but no reference log-probs were given; pass refLogProbs or set beta: 0/);
    const inputs = tensorsOf({ ...base });
    expect(() => computeLoss({ ...inputs, mask: tf.ones([1, 3]) as tf.Tensor2D }, SETTINGS)).toThrow(/mask has shape \[1, 3\], expected \[1, 2\]/);
    expect(() => computeLoss({ ...inputs, advantages: tf.ones([2]) as tf.Tensor1D }, SETTINGS)).toThrow(/advantages has shape \[2\], expected \[1\]/);
  });
});

/** A float32 d with float32(exp(d)) exactly float32(target) on the cpu backend (Math.exp, rounded). */
function exactLogOf(target: number): number {
  const r = Math.fround(target);
  for (let k = 0; k <= 200; k++) {
    for (const d of [Math.fround(Math.log(r) + k * 1e-9), Math.fround(Math.log(r) - k * 1e-9)]) {
      if (Math.fround(Math.exp(d)) === r) return d;
    }
  }
  throw new Error(`no float32 d with exp(d) = ${r}`);
}

/** The float32 neighbours of x. */
function float32Neighbours(x: number): [number, number] {
  const f = new Float32Array([x]);
  const bits = new Int32Array(f.buffer);
  bits[0] += 1;
  const up = f[0];
  bits[0] -= 2;
  return [f[0], up].sort((a, b) => a - b) as [number, number];
}

describe('clipping at the boundaries (epsLow 0.2, epsHigh 0.28)', () => {
  const low = Math.fround(0.8);
  const high = Math.fround(1.28);
  const [belowHigh, aboveHigh] = float32Neighbours(high);
  const [belowLow, aboveLow] = float32Neighbours(low);
  // [ratio, A, clipped low, clipped high]
  const cases: [string, number, number, boolean, boolean][] = [
    ['A > 0, ratio = 1 + epsHigh exactly: not clipped', high, 1, false, false],
    ['A > 0, ratio just inside 1 + epsHigh', belowHigh, 1, false, false],
    ['A > 0, ratio just outside 1 + epsHigh: clipped', aboveHigh, 1, false, true],
    ['A < 0, ratio just outside 1 + epsHigh: not clipped', aboveHigh, -1, false, false],
    ['A < 0, ratio = 1 - epsLow exactly: not clipped', low, -1, false, false],
    ['A < 0, ratio just inside 1 - epsLow', aboveLow, -1, false, false],
    ['A < 0, ratio just outside 1 - epsLow: clipped', belowLow, -1, true, false],
    ['A > 0, ratio just outside 1 - epsLow: not clipped', belowLow, 1, false, false],
    ['A = 0, far outside: no loss, no gradient, not counted', 2, 0, false, false],
  ];

  for (const [label, target, a, clippedLow, clippedHigh] of cases) {
    it(label, () => {
      const d = exactLogOf(target);
      const ratio = Math.fround(Math.exp(d));
      expect(ratio).toBe(Math.fround(target));
      const out = lossAndGradient({ logp: [[d]], old: [[0]], ref: null, advantages: [a], lengths: [1], weights: [1] }, { epsLow: 0.2, epsHigh: 0.28, beta: 0 });
      const clipped = clippedLow || clippedHigh;
      const bound = clippedHigh ? high : low;
      expect(out.loss).toBeCloseTo(-(clipped ? bound : ratio) * a, 7);
      expect(out.gradient[0][0]).toBeCloseTo(clipped ? 0 : -a * ratio, 7);
      expect(out.metrics.clippedLow).toBe(clippedLow ? 1 : 0);
      expect(out.metrics.clippedHigh).toBe(clippedHigh ? 1 : 0);
    });
  }
});
