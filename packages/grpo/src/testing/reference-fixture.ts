import fixture from './fixtures/grpo-reference.json';

/** One loss case of the PyTorch fixture: settings, then the loss, gradients and metrics torch computed. */
export interface ReferenceCase {
  readonly name: string;
  readonly lossType: 'grpo' | 'dapo' | 'dr_grpo';
  readonly epsLow: number;
  readonly epsHigh: number;
  readonly beta: number;
  /** false: old log-probs are the detached current ones (ratio 1). */
  readonly useOld: boolean;
  readonly maxCompletionLength: number | null;
  readonly loss: number;
  readonly gradPosition: readonly number[];
  readonly gradTransition: readonly number[];
  readonly metrics: { readonly kl: number | null; readonly clipFractionLow: number; readonly clipFractionHigh: number; readonly ratioMean: number };
}

export interface ReferenceStep {
  readonly loss: number;
  readonly gradNorm: number;
  readonly learningRate: number;
  readonly metrics: ReferenceCase['metrics'];
  readonly position: readonly number[];
  readonly transition: readonly number[];
}

/** tools/grpo-reference/dump_reference.py's output: a table policy, a batch, and what torch made of it. */
export interface ReferenceFixture {
  readonly description: string;
  readonly vocab: number;
  readonly maxLength: number;
  readonly numGenerations: number;
  readonly position: readonly number[];
  readonly transition: readonly number[];
  readonly refPosition: readonly number[];
  readonly refTransition: readonly number[];
  readonly sequences: readonly { sampleId: string; groupIndex: number; promptTokenIds: number[]; completionTokenIds: number[] }[];
  readonly rewards: readonly number[];
  readonly advantages: { readonly group: readonly number[]; readonly batch: readonly number[]; readonly none: readonly number[] };
  readonly oldLogProbs: readonly (readonly number[])[];
  readonly refLogProbs: readonly (readonly number[])[];
  readonly cases: readonly ReferenceCase[];
  readonly optimizer: {
    readonly config: {
      readonly lossType: 'grpo';
      readonly epsLow: number;
      readonly epsHigh: number;
      readonly beta: number;
      readonly mu: number;
      readonly maxGradNorm: number;
      readonly learningRate: number;
      readonly betas: readonly [number, number];
      readonly eps: number;
      readonly weightDecay: number;
      readonly warmupSteps: number;
      readonly totalSteps: number;
    };
    readonly steps: readonly ReferenceStep[];
  };
}

/** The path of the fixture in the repository (what the script writes). */
export const REFERENCE_FIXTURE = 'packages/grpo/src/testing/fixtures/grpo-reference.json';

export function loadReferenceFixture(): ReferenceFixture {
  return fixture as unknown as ReferenceFixture;
}
