import * as tf from '@tensorflow/tfjs-core';
import type { TrainingBatch } from '../batch/training-batch';
import { microBatches } from '../batch/micro-batches';
import { GrpoConfigError } from '../config/config-error';
import type { GrpoConfig } from '../config/grpo-config';
import { firstNonFinite } from '../guards/find-non-finite';
import { NonFiniteError, skippedGroupsOf, type NonFiniteSite, type SkippedGroup } from '../guards/non-finite-error';
import { tokenMetrics } from '../loss/loss-metrics';
import { LOSS_TYPES } from '../loss/registry';
import { AdamW, type AdamWState } from '../optim/adamw';
import { clipCoefficient, globalNorm } from '../optim/clip-grad-norm';
import { learningRateAt } from '../optim/schedules/registry';
import { accumulateGradients, type Accumulated } from './accumulate';
import type { CompletionSequence, LogProbPolicy, LogProbScorer } from './log-prob-policy';
import { scoreWithoutGradient } from './score-without-gradient';
import { advantageSummary, type StepMetrics } from './step-metrics';
import { selectTrainable } from './trainable';

export interface GrpoOptimizerOptions<S extends CompletionSequence> {
  readonly policy: LogProbPolicy<S>;
  /** The frozen reference policy of the KL term; needed when beta > 0, not used when beta = 0. */
  readonly reference?: LogProbScorer<S> | null;
  /** A resolved config (resolveGrpoConfig). */
  readonly config: GrpoConfig;
}

export interface StepResult {
  /** One entry per optimizer step (mu of them). */
  readonly metrics: readonly StepMetrics[];
  /** Every group left out of this generation batch, with the reason. */
  readonly skipped: readonly SkippedGroup[];
}

/** The generation batch, the sequences still in the step and the groups left out so far. */
interface StepState<S extends CompletionSequence> {
  readonly batch: TrainingBatch<S>;
  active: number[];
  readonly skipped: SkippedGroup[];
}

/** Per-sequence values cached across the mu steps of one generation batch. */
interface Caches {
  readonly reference: (Float32Array | null)[] | null;
  readonly referenceSeconds: number;
  /** The old log-probs (pi_old = the policy before the first step), recorded by step 0; null when mu = 1. */
  readonly old: (Float32Array | null)[] | null;
}

/**
 * The GRPO update (SPEC.md section 3): for one generation batch, mu optimizer steps, each a
 * gradient pass over the micro-batches, global-norm clipping, a scheduled learning rate and an
 * AdamW update of the trainable variables. The loss is `computeLoss`; this class only drives it.
 */
export class GrpoOptimizer<S extends CompletionSequence = CompletionSequence> {
  readonly config: GrpoConfig;
  /** The variables this optimizer updates, by name. */
  readonly variables: ReadonlyMap<string, tf.Variable>;
  private readonly policy: LogProbPolicy<S>;
  private readonly reference: LogProbScorer<S> | null;
  private readonly adamw: AdamW;

  constructor(options: GrpoOptimizerOptions<S>) {
    this.config = options.config;
    if (this.config.beta > 0 && !options.reference) {
      throw new GrpoConfigError('GrpoOptimizer', 'beta', '0 when no reference policy is given (or pass `reference`)', this.config.beta);
    }
    this.policy = options.policy;
    this.reference = this.config.beta > 0 ? (options.reference ?? null) : null;
    this.variables = selectTrainable(options.policy.trainableVariables, this.config.freeze);
    this.adamw = new AdamW(this.variables, this.config.optimizer);
  }

  /** Optimizer steps taken. */
  get stepsTaken(): number {
    return this.adamw.step;
  }

  /** The learning rate of the next optimizer step. */
  nextLearningRate(): number {
    return learningRateAt(this.adamw.step, this.config.optimizer.learningRate, this.config.schedule);
  }

  /** mu optimizer steps on one generation batch. */
  step(batch: TrainingBatch<S>): StepResult {
    const started = performance.now();
    const state: StepState<S> = { batch, active: batch.sequences.map((_, i) => i), skipped: [...batch.skipped] };
    this.screenAdvantages(state);
    const caches = this.caches(state);
    const metrics: StepMetrics[] = [];
    for (let inner = 0; inner < this.config.mu; inner++) {
      metrics.push(this.innerStep(state, caches, inner, inner === 0 ? started : performance.now()));
    }
    return { metrics, skipped: state.skipped };
  }

  /** onNonFinite: "error" throws; "skip-group" leaves the error's groups out of the rest of the step. */
  private skip(state: StepState<S>, error: NonFiniteError): void {
    if (this.config.onNonFinite === 'error') throw error;
    const bad = new Set(error.groups);
    state.active = state.active.filter((i) => !bad.has(state.batch.sequences[i].sampleId));
    state.skipped.push(...skippedGroupsOf(error));
  }

  /** Checks sizes and finite advantages before any work. */
  private screenAdvantages(state: StepState<S>): void {
    const { batch } = state;
    if (batch.advantages.length !== batch.sequences.length) {
      throw new TypeError(`GrpoOptimizer.step: ${batch.sequences.length} sequences but ${batch.advantages.length} advantages`);
    }
    const sites: NonFiniteSite[] = [];
    batch.sequences.forEach((s, i) => {
      const a = batch.advantages[i];
      if (!Number.isFinite(a)) sites.push({ sampleId: s.sampleId, groupIndex: s.groupIndex, tensor: 'advantage', token: null, value: a });
    });
    if (sites.length > 0) this.skip(state, new NonFiniteError('advantages', sites));
  }

  /** The reference log-probs (beta > 0), once per generation batch; the old-log-prob cache when mu > 1. */
  private caches(state: StepState<S>): Caches {
    const { batch } = state;
    const old = this.config.mu > 1 ? batch.sequences.map(() => null) : null;
    if (!this.reference) return { reference: null, referenceSeconds: 0, old };
    const scored = scoreWithoutGradient(this.reference, batch.sequences, microBatches(state.active, this.config.microBatchSize), 'reference log-probs');
    if (scored.bad.length > 0) this.skip(state, new NonFiniteError('reference forward', scored.bad));
    return { reference: scored.values, referenceSeconds: scored.seconds, old };
  }

  private sequenceWeights(batch: TrainingBatch<S>, active: readonly number[]): Float64Array {
    const lengths = active.map((i) => batch.sequences[i].completionTokenIds.length);
    const weights = LOSS_TYPES[this.config.lossType].sequenceWeights(lengths, { maxCompletionLength: this.config.maxCompletionLength });
    const byIndex = new Float64Array(batch.sequences.length);
    active.forEach((i, k) => (byIndex[i] = weights[k]));
    return byIndex;
  }

  /**
   * The gradient pass over `indices`. Step 0 uses the detached current log-probs as the old ones
   * (ratio = 1 exactly) and records them for steps 1..mu-1 (TRL: old_per_token_logps =
   * per_token_logps.detach() when they were not computed at generation).
   */
  private accumulate(batch: TrainingBatch<S>, indices: readonly number[], weights: Float64Array, caches: Caches, inner: number, record = true): Accumulated {
    return accumulateGradients({
      policy: this.policy,
      variables: this.variables,
      sequences: batch.sequences,
      microBatches: microBatches(indices, this.config.microBatchSize),
      advantages: batch.advantages,
      sequenceWeights: weights,
      refLogProbs: caches.reference,
      oldLogProbs: inner === 0 ? null : caches.old,
      recordLogProbs: inner === 0 && record ? caches.old : null,
      settings: this.config,
    });
  }

  /**
   * One optimizer step. Non-finite log-probs or gradients either stop it (onNonFinite "error") or
   * leave their groups out and redo the gradient pass without them ("skip-group"), so the update is
   * exactly that of the remaining batch.
   */
  private innerStep(state: StepState<S>, caches: Caches, inner: number, started: number): StepMetrics {
    const { batch } = state;
    for (;;) {
      const weights = this.sequenceWeights(batch, state.active);
      let result: Accumulated;
      try {
        result = this.accumulate(batch, state.active, weights, caches, inner);
      } catch (error) {
        if (!(error instanceof NonFiniteError)) throw error;
        this.skip(state, error);
        continue;
      }
      const norm = globalNorm([...result.gradients.values()]);
      if (!Number.isFinite(norm)) {
        let diagnosis: NonFiniteError;
        try {
          diagnosis = this.diagnoseGradients(batch, state.active, weights, caches, inner, norm);
        } finally {
          tf.dispose([...result.gradients.values()]);
        }
        this.skip(state, diagnosis);
        continue;
      }
      return this.update(state, caches, inner, started, result, norm);
    }
  }

  private update(state: StepState<S>, caches: Caches, inner: number, started: number, result: Accumulated, norm: number): StepMetrics {
    const learningRate = this.nextLearningRate();
    const updated = result.sums !== null && result.gradients.size > 0;
    const coefficient = clipCoefficient(norm, this.config.maxGradNorm);
    if (updated) {
      const clipped = new Map([...result.gradients].map(([name, g]) => [name, coefficient === 1 ? g : tf.mul(g, coefficient)]));
      this.adamw.apply(clipped, learningRate);
      tf.dispose([...new Set([...result.gradients.values(), ...clipped.values()])]);
    } else {
      tf.dispose([...result.gradients.values()]);
    }
    const { batch, active } = state;
    const seconds = (performance.now() - started) / 1000;
    const tokens = result.sums?.tokens ?? 0;
    const modelSeconds = result.forwardSeconds + result.backwardSeconds + (inner === 0 ? caches.referenceSeconds : 0);
    return {
      step: this.adamw.step,
      innerStep: inner,
      updated,
      loss: result.loss,
      gradNorm: norm,
      clipCoefficient: coefficient,
      learningRate,
      sequences: active.length,
      ...tokenMetrics(result.sums ?? { tokens: 0, ratio: 0, kl: null, clippedLow: 0, clippedHigh: 0 }),
      ...advantageSummary(
        active.map((i) => batch.sequences[i].sampleId),
        active.map((i) => batch.advantages[i]),
      ),
      skippedGroups: state.skipped.length,
      seconds,
      modelSeconds,
      tokensPerSecond: seconds > 0 ? tokens / seconds : 0,
    };
  }

  /**
   * The accumulated gradient is not finite: finds the groups whose own gradient is not (one
   * gradient pass per group), to name them. A batch whose groups are each fine is an error either way.
   */
  private diagnoseGradients(batch: TrainingBatch<S>, active: readonly number[], weights: Float64Array, caches: Caches, inner: number, norm: number): NonFiniteError {
    const groups = new Map<string, number[]>();
    for (const i of active) {
      const id = batch.sequences[i].sampleId;
      groups.set(id, [...(groups.get(id) ?? []), i]);
    }
    const sites: NonFiniteSite[] = [];
    for (const [sampleId, indices] of groups) {
      const single = this.accumulate(batch, indices, weights, caches, inner, false);
      for (const [name, g] of single.gradients) {
        const value = firstNonFinite(g.dataSync());
        if (value !== null) sites.push({ sampleId, groupIndex: null, tensor: `gradient of ${name}`, token: null, value });
      }
      tf.dispose([...single.gradients.values()]);
    }
    if (sites.length === 0) {
      throw new Error(`GrpoOptimizer.step: the gradient of the batch is not finite (global norm ${norm}) though each group's gradient is; lower the learning rate or check the policy's numerics`);
    }
    return new NonFiniteError('policy backward', sites);
  }

  /** The optimizer's state for a checkpoint. */
  state(): AdamWState {
    return this.adamw.state();
  }

  loadState(state: AdamWState): void {
    this.adamw.loadState(state);
  }

  /** Frees the optimizer's moments (the policy's variables stay). */
  dispose(): void {
    this.adamw.dispose();
  }
}
