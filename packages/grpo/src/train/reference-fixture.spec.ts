import * as tf from '@tensorflow/tfjs-core';
import { microBatches } from '../batch/micro-batches';
import { resolveGrpoConfig } from '../config/resolve-config';
import { tokenMetrics } from '../loss/loss-metrics';
import { LOSS_TYPES } from '../loss/registry';
import { expectAllClose, REFERENCE_TOLERANCE, useCpuBackend } from '../spec-helpers';
import { loadReferenceFixture, TablePolicy, type TableSequence } from '../testing';
import { accumulateGradients } from './accumulate';
import { GrpoOptimizer } from './grpo-optimizer';

beforeAll(useCpuBackend);

// tools/grpo-reference/dump_reference.py: TRL's formulas in PyTorch, autograd, clip_grad_norm_, AdamW.
const fixture = loadReferenceFixture();
const SEQUENCES: TableSequence[] = fixture.sequences.map((s) => ({ ...s }));
const table = (position: readonly number[], transition: readonly number[], trainable = true) =>
  new TablePolicy(fixture.vocab, fixture.maxLength, { position: Float32Array.from(position), transition: Float32Array.from(transition) }, trainable);

describe('against the PyTorch reference fixture', () => {
  for (const c of fixture.cases) {
    it(`${c.name}: loss, gradients and metrics to 1e-5`, () => {
      const policy = table(fixture.position, fixture.transition);
      const lengths = SEQUENCES.map((s) => s.completionTokenIds.length);
      const result = accumulateGradients({
        policy,
        variables: policy.trainableVariables,
        sequences: SEQUENCES,
        microBatches: microBatches(SEQUENCES.map((_, i) => i), 4),
        advantages: fixture.advantages.group,
        sequenceWeights: LOSS_TYPES[c.lossType].sequenceWeights(lengths, { maxCompletionLength: c.maxCompletionLength }),
        refLogProbs: c.beta > 0 ? fixture.refLogProbs.map((r) => Float32Array.from(r)) : null,
        oldLogProbs: c.useOld ? fixture.oldLogProbs.map((r) => Float32Array.from(r)) : null,
        recordLogProbs: null,
        settings: { epsLow: c.epsLow, epsHigh: c.epsHigh, beta: c.beta },
      });
      expect(Math.abs(result.loss - c.loss)).toBeLessThan(REFERENCE_TOLERANCE);
      expectAllClose(result.gradients.get('position.weight')?.dataSync() ?? [], c.gradPosition, REFERENCE_TOLERANCE);
      expectAllClose(result.gradients.get('transition.weight')?.dataSync() ?? [], c.gradTransition, REFERENCE_TOLERANCE);
      const metrics = tokenMetrics(result.sums ?? { tokens: 0, ratio: 0, kl: null, clippedLow: 0, clippedHigh: 0 });
      expect(metrics.clipFractionLow).toBeCloseTo(c.metrics.clipFractionLow, 6);
      expect(metrics.clipFractionHigh).toBeCloseTo(c.metrics.clipFractionHigh, 6);
      expect(Math.abs(metrics.ratioMean - c.metrics.ratioMean)).toBeLessThan(REFERENCE_TOLERANCE);
      if (c.metrics.kl !== null) expect(Math.abs((metrics.kl ?? Number.NaN) - c.metrics.kl)).toBeLessThan(REFERENCE_TOLERANCE);
      tf.dispose([...result.gradients.values()]);
      policy.dispose();
    });
  }

  it('two optimizer steps (mu = 2, clipped gradients, AdamW, linear schedule) to 1e-5', () => {
    const o = fixture.optimizer.config;
    const policy = table(fixture.position, fixture.transition);
    const reference = table(fixture.refPosition, fixture.refTransition, false);
    const config = resolveGrpoConfig({
      numGenerations: fixture.numGenerations,
      lossType: o.lossType,
      epsLow: o.epsLow,
      epsHigh: o.epsHigh,
      beta: o.beta,
      mu: o.mu,
      maxGradNorm: o.maxGradNorm,
      microBatchSize: 2,
      optimizer: { learningRate: o.learningRate, betas: o.betas, eps: o.eps, weightDecay: o.weightDecay },
      schedule: { type: 'linear', warmupSteps: o.warmupSteps, totalSteps: o.totalSteps },
    });
    const optimizer = new GrpoOptimizer({ policy, reference, config });
    const { metrics } = optimizer.step({ sequences: SEQUENCES, advantages: fixture.advantages.group, skipped: [] });
    metrics.forEach((m, i) => {
      const torch = fixture.optimizer.steps[i];
      expect(Math.abs(m.loss - torch.loss)).toBeLessThan(REFERENCE_TOLERANCE);
      expect(Math.abs(m.gradNorm - torch.gradNorm)).toBeLessThan(REFERENCE_TOLERANCE);
      expect(m.clipCoefficient).toBeLessThan(1);
      expect(m.learningRate).toBeCloseTo(torch.learningRate, 12);
      expect(Math.abs((m.kl ?? Number.NaN) - (torch.metrics.kl ?? Number.NaN))).toBeLessThan(REFERENCE_TOLERANCE);
      expect(m.clipFractionHigh).toBeCloseTo(torch.metrics.clipFractionHigh, 6);
    });
    const last = fixture.optimizer.steps[fixture.optimizer.steps.length - 1];
    expectAllClose(policy.values().position, last.position, REFERENCE_TOLERANCE);
    expectAllClose(policy.values().transition, last.transition, REFERENCE_TOLERANCE);
    optimizer.dispose();
    policy.dispose();
    reference.dispose();
  });
});
