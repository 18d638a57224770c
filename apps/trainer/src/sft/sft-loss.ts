import * as tf from '@tensorflow/tfjs-core';
import { encodeSequencesObserving, nextTokenLoss, nextTokenLossOfHidden, type Weights } from '@mixed-r1/policy';
import { answerLocalisationLoss, localisationLoss, type LocalisationHead } from '../localisation/localisation-head';
import { referentAttentionLoss, type ReferentAttentionObjective } from '../referent-attention/referent-attention-loss';
import type { SftExample } from './sft-example';

/** The localisation objective added to the supervised loss: its head, the decoder layer it reads, its weights. */
export interface LocalisationObjective {
  readonly head: LocalisationHead;
  readonly layer: number;
  /** Of the image tokens' read-out. */
  readonly weight: number;
  /** Of the answer's read-out on grounding samples (0: off). */
  readonly answerWeight: number;
}

/** The objectives trained alongside the language loss, on the same forward pass (absent or null: off). */
export interface AuxiliaryObjectives {
  readonly localisation?: LocalisationObjective | null;
  readonly referentAttention?: ReferentAttentionObjective | null;
}

/** How the target tokens of an example weigh in its mean (1 and 1: the plain mean). */
export interface TargetWeighting {
  /** The answer span's tokens (after `<answer>`). */
  readonly answerWeight: number;
  /** The reasoning's tokens that repeat a word of the question (`SftExample.copied`). */
  readonly copyWeight: number;
  /** > 0: each token's term also scaled by (1 - p)^focalGamma (the focal loss; the policy's `nextTokenLoss`). */
  readonly focalGamma?: number;
}

export const PLAIN_MEAN: TargetWeighting = Object.freeze({ answerWeight: 1, copyWeight: 1, focalGamma: 0 });

/** One weight per target token: `answerWeight` for the answer span, `copyWeight` for the reasoning's copies of the question, 1 for the rest. */
export function targetTokenWeights(example: SftExample, { answerWeight, copyWeight }: TargetWeighting): number[] {
  const copied = new Set(example.copied);
  return example.tokens.slice(example.promptLength).map((_, i) => {
    const position = example.promptLength + i;
    if (position >= example.answerStart) return answerWeight;
    return copied.has(position) ? copyWeight : 1;
  });
}

/**
 * Supervised loss of a batch: each example's mean cross-entropy over its target tokens (the
 * response only: prompt tokens never count), averaged over the examples. With a `weighting` other
 * than the plain mean, each example's mean is weighted: its answer span counts `answerWeight` times
 * a reasoning token (the decision is one or two tokens among dozens of templated ones), and the
 * reasoning's copies of the question `copyWeight` times (the slots of the templates); with
 * `focalGamma` > 0 each term is the focal loss's. With a `localisation`
 * objective, an example with localisation targets adds `weight` x its localisation loss, read from
 * the residual stream after decoder layer `layer` at its image tokens, plus, on a grounding sample,
 * `answerWeight` x the answer's term, read from the final hidden state at the token before the
 * box's first digit. With a `referentAttention` objective, an example whose text mentions objects
 * of its scene adds `weight` x the referent-attention loss of the objective's head and layer (the
 * same forward pass).
 */
export function sftLoss(w: Weights, examples: readonly SftExample[], weighting: TargetWeighting = PLAIN_MEAN, auxiliary: AuxiliaryObjectives = {}): tf.Scalar {
  const plain = weighting.answerWeight === 1 && weighting.copyWeight === 1;
  return tf.tidy(() => {
    const losses = examples.map((example) => {
      const tokenWeights = plain ? undefined : [targetTokenWeights(example, weighting)];
      const options = { images: [example.image], promptLength: example.promptLength, fromPosition: example.promptLength, tokenWeights, focalGamma: weighting.focalGamma };
      const localisation = example.localisation && auxiliary.localisation ? { objective: auxiliary.localisation, ...example.localisation } : null;
      const referent = example.referents && example.referents.queries.length > 0 && auxiliary.referentAttention
        ? { objective: auxiliary.referentAttention, targets: example.referents }
        : null;
      if (!localisation && !referent) return nextTokenLoss(w, [example.tokens], options);
      const capture = { residualAfterLayer: localisation?.objective.layer, attentionOfLayer: referent?.objective.layer };
      const { hidden, captured, attention } = encodeSequencesObserving(w, [example.tokens], [example.image], example.promptLength, capture);
      let loss = nextTokenLossOfHidden(w, hidden, [example.tokens], options);
      if (localisation && captured) {
        const { objective, positions, targets } = localisation;
        const states = tf.gather(tf.squeeze(captured, [0]), positions) as tf.Tensor2D;
        loss = tf.add(loss, tf.mul(localisationLoss(objective.head, states, targets), objective.weight));
        if (targets.answerBox && objective.answerWeight > 0) {
          const atAnswer = tf.reshape(tf.slice(hidden, [0, example.answerStart, 0], [1, 1, -1]), [1, -1]) as tf.Tensor2D;
          loss = tf.add(loss, tf.mul(answerLocalisationLoss(objective.head, atAnswer, targets.answerBox), objective.answerWeight));
        }
      }
      if (referent && attention) loss = tf.add(loss, tf.mul(referentAttentionLoss(attention, referent.objective.head, referent.targets), referent.objective.weight));
      return loss;
    });
    return tf.mean(tf.stack(losses)) as tf.Scalar;
  });
}

/** Target tokens of a batch (what the loss averages over). */
export function targetTokens(examples: readonly SftExample[]): number {
  return examples.reduce((sum, example) => sum + example.tokens.length - example.promptLength, 0);
}
