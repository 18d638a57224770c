import { besselStd, mean } from '../advantages/statistics';
import type { TokenMetrics } from '../loss/loss-metrics';

/** What one optimizer step logs (TRL's names in the README). */
export interface StepMetrics extends TokenMetrics {
  /** Optimizer steps taken so far, this one included. */
  readonly step: number;
  /** Which of the mu steps on this generation batch (0 first). */
  readonly innerStep: number;
  /** False when nothing could be trained on (no completion tokens left); no update was made. */
  readonly updated: boolean;
  /** The batch loss before the update. */
  readonly loss: number;
  /** Global gradient norm before clipping (clip_grad_norm_'s return value). */
  readonly gradNorm: number;
  /** The factor the gradients were scaled by (1: not clipped). */
  readonly clipCoefficient: number;
  readonly learningRate: number;
  readonly sequences: number;
  readonly advantageMean: number;
  readonly advantageStd: number;
  readonly advantageMin: number;
  readonly advantageMax: number;
  /** Groups whose advantages are all 0 (equal rewards), over the groups trained on. */
  readonly fracRewardZeroStd: number;
  /** Groups left out of this generation batch so far (onNonFinite: "skip-group"). */
  readonly skippedGroups: number;
  /** Wall-clock seconds of this step (the first also has the reference pass). */
  readonly seconds: number;
  /** Of which in the model: policy forward and backward, reference forward. */
  readonly modelSeconds: number;
  /** Completion tokens trained on per second. */
  readonly tokensPerSecond: number;
}

export interface AdvantageSummary {
  readonly advantageMean: number;
  readonly advantageStd: number;
  readonly advantageMin: number;
  readonly advantageMax: number;
  readonly fracRewardZeroStd: number;
}

/** Advantage statistics of the sequences trained on; a group counts as zero-std when all its advantages are 0. */
export function advantageSummary(sampleIds: readonly string[], advantages: readonly number[]): AdvantageSummary {
  if (advantages.length === 0) return { advantageMean: 0, advantageStd: 0, advantageMin: 0, advantageMax: 0, fracRewardZeroStd: 0 };
  const allZero = new Map<string, boolean>();
  sampleIds.forEach((id, i) => allZero.set(id, (allZero.get(id) ?? true) && advantages[i] === 0));
  const zero = [...allZero.values()].filter(Boolean).length;
  return {
    advantageMean: mean(advantages),
    advantageStd: advantages.length > 1 ? besselStd(advantages) : 0,
    advantageMin: Math.min(...advantages),
    advantageMax: Math.max(...advantages),
    fracRewardZeroStd: zero / allZero.size,
  };
}
