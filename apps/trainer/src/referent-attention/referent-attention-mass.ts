import * as tf from '@tensorflow/tfjs-core';
import { encodeSequencesObserving, type Weights } from '@mixed-r1/policy';
import type { SftExample } from '../sft/sft-example';
import { referentAttentionMass, type ReferentAttentionObjective } from './referent-attention-loss';

/**
 * How well the objective's head looks up what a text names: the attention mass it puts on the
 * named objects' image tokens, averaged over every mention of the examples (null: no mention).
 * A head that ignores the image scores near 0; one that finds the objects, near 1.
 */
export function meanReferentAttentionMass(w: Weights, objective: ReferentAttentionObjective, examples: readonly SftExample[]): number | null {
  let total = 0;
  let count = 0;
  for (const example of examples) {
    const targets = example.referents;
    if (!targets || targets.queries.length === 0) continue;
    const masses = tf.tidy(() => {
      const { attention } = encodeSequencesObserving(w, [example.tokens], [example.image], example.promptLength, { attentionOfLayer: objective.layer });
      if (!attention) throw new Error(`meanReferentAttentionMass: no attention of layer ${objective.layer} came back`);
      return referentAttentionMass(attention, objective.head, targets).dataSync() as Float32Array;
    });
    masses.forEach((mass) => (total += mass));
    count += masses.length;
  }
  return count > 0 ? total / count : null;
}
