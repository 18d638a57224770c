import type { SampleRow } from '@mixed-r1/records';
import { promptText } from '@mixed-r1/evaluation';
import type { ImageInput, Policy } from '@mixed-r1/policy';
import type { ImagePreparer } from '../data/image-inputs';
import { sftTarget, type TargetOptions } from '../data/sft-target';
import { localisationTargets, type LocalisationTargets } from '../localisation/localisation-targets';
import { tokenCell } from '../perception/perception-example';
import { sceneOfSample } from '../perception/scene-token-labels';

/** One supervised example: prompt and target tokens in one row, and the image of the prompt. */
export interface SftExample {
  readonly sampleId: string;
  readonly tokens: number[];
  /** Tokens of the prompt (chat template, image placeholders, question); the loss counts the rest. */
  readonly promptLength: number;
  /** Index of the first token after `<answer>`: the answer span runs from here to the end. */
  readonly answerStart: number;
  readonly image: ImageInput;
  /** Where the image tokens are in `tokens` and the localisation targets of each (a procedural scene's sample, when asked for); else null. */
  readonly localisation: { readonly positions: readonly number[]; readonly targets: LocalisationTargets } | null;
}

/**
 * A sample as a supervised example: the question in the shared prompt layout (the evaluation
 * package's `promptText`, so training and evaluation ask alike), its image before it, and the
 * R1-layout target ending in <|im_end|>. With `withLocalisation`, a sample drawn from a procedural
 * scene also carries its image tokens' localisation targets.
 */
export async function sftExample(sample: SampleRow, policy: Policy, images: ImagePreparer, target: TargetOptions, withLocalisation = false): Promise<SftExample> {
  const prepared = await images.prepare(sample);
  const prompt = policy.prompt(promptText({ question: sample.question, options: sample.options }), [prepared.input]);
  const answer = policy.tokenizer.encode(sftTarget(sample, prepared.inputSize, target));
  const end = policy.tokenizer.tokenId('<|im_end|>');
  const answerStart = prompt.tokenIds.length + answer.lastIndexOf(policy.tokenizer.tokenId('<answer>')) + 1;
  const scene = withLocalisation ? sceneOfSample(sample) : null;
  const { vision, tokens } = policy.params.config;
  const localisation = scene
    ? {
        positions: prompt.tokenIds.flatMap((id, i) => (id === tokens.imageTokenId ? [i] : [])),
        targets: localisationTargets(scene, prepared.inputSize, tokenCell(vision.patchSize, vision.spatialMergeSize), sample.task === 'grounding' ? sample.answerBox : null),
      }
    : null;
  return { sampleId: sample.id, tokens: [...prompt.tokenIds, ...answer, end], promptLength: prompt.tokenIds.length, answerStart, image: prepared.input, localisation };
}
