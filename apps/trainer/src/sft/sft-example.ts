import type { Box, SampleRow } from '@mixed-r1/records';
import { FORMAT_INSTRUCTION, promptText, questionText } from '@mixed-r1/evaluation';
import type { ImageInput, Policy } from '@mixed-r1/policy';
import type { ImagePreparer } from '../data/image-inputs';
import { sftTarget, type TargetOptions } from '../data/sft-target';
import { localisationTargets, type LocalisationTargets } from '../localisation/localisation-targets';
import { tokenCell } from '../perception/perception-example';
import { sceneOfSample, tokenObjects, type LabelledScene } from '../perception/scene-token-labels';
import { answerReferentTargets } from '../referent-attention/answer-referent-targets';
import { askedKind } from '../referent-attention/attribute-question';
import { questionDuplicateTargets, userTextSpan } from '../referent-attention/question-duplicate-targets';
import type { ReferentTargetKind } from '../referent-attention/referent-target-kind';
import { referentTargets, type ReferentTargets } from '../referent-attention/referent-targets';
import { answerGroupOf } from './answer-group';
import { copiedPositions, questionWords } from './question-copies';

/** One supervised example: prompt and target tokens in one row, and the image of the prompt. */
export interface SftExample {
  readonly sampleId: string;
  /** Where its answer is tallied: the task type, and the question's kind when the metadata names one (`answerGroupOf`). */
  readonly answerGroup: string;
  readonly tokens: number[];
  /** Tokens of the prompt (chat template, image placeholders, question); the loss counts the rest. */
  readonly promptLength: number;
  /** Index of the first token after `<answer>`: the answer span runs from here to the end. */
  readonly answerStart: number;
  /** Positions of the reasoning's tokens (before the answer span) that repeat a word of the question or its options (`copiedPositions`; when asked for, else empty). */
  readonly copied: readonly number[];
  readonly image: ImageInput;
  /** Where the image tokens are in `tokens` and the localisation targets of each (a procedural scene's sample, when asked for); else null. */
  readonly localisation: { readonly positions: readonly number[]; readonly targets: LocalisationTargets } | null;
  /** The mentions of the scene's objects after the image and the image tokens showing each (a procedural scene's sample, when asked for); else null. */
  readonly referents: ReferentTargets | null;
}

/** Which auxiliary targets an example carries (both need the sample's procedural scene). */
export interface AuxiliaryTargets {
  readonly localisation?: boolean;
  readonly referents?: boolean;
  /** With `referents`: the task types whose examples carry them (default: every type). */
  readonly referentTasks?: readonly string[];
  /** With `referents`: also the response spans and a grounding answer (default true; see `referentTargets`). */
  readonly referentSpans?: boolean;
  /** With `referents`: what the head looks at, the scene's objects (`referentTargets`, the default), the reasoning's duplicates in the question (`questionDuplicateTargets`) or, from the answer, the question's objects (`answerReferentTargets`). */
  readonly referentTargets?: ReferentTargetKind;
  /** The reasoning's tokens that repeat the question (`SftExample.copied`, for `sft.copyWeight`). */
  readonly copies?: boolean;
}

/** Where the user's text is in a prompt row, as `questionDuplicateTargets` reads it. */
function questionSpan(promptIds: readonly number[], policy: Policy): { questionStart: number; questionEnd: number } {
  const id = (token: string) => policy.tokenizer.tokenId(token);
  return userTextSpan(promptIds, { imStart: id('<|im_start|>'), imEnd: id('<|im_end|>'), visionEnd: policy.params.config.tokens.visionEndTokenId });
}

/** The scene's objects whose box is `box` (a grounding answer names one). */
function objectsBoxed(scene: LabelledScene, box: Box | null): number[] {
  if (!box) return [];
  return scene.objects.flatMap((object, i) => (object.box.every((v, k) => v === box[k]) ? [i] : []));
}

/**
 * A sample as a supervised example: the question in the shared prompt layout (the evaluation
 * package's `promptText`, so training and evaluation ask alike), its image before it, and the
 * R1-layout target ending in <|im_end|>. With `withLocalisation`, a sample drawn from a procedural
 * scene also carries its image tokens' localisation targets, and with `referents`, its mentions
 * of the scene's objects and the image tokens they name.
 */
export async function sftExample(sample: SampleRow, policy: Policy, images: ImagePreparer, target: TargetOptions, auxiliary: AuxiliaryTargets = {}): Promise<SftExample> {
  const prepared = await images.prepare(sample);
  const prompt = policy.prompt(promptText({ question: sample.question, options: sample.options }), [prepared.input]);
  const answer = policy.tokenizer.encode(sftTarget(sample, prepared.inputSize, target));
  const end = policy.tokenizer.tokenId('<|im_end|>');
  const answerStart = prompt.tokenIds.length + answer.lastIndexOf(policy.tokenizer.tokenId('<answer>')) + 1;
  const withReferents = auxiliary.referents === true && (auxiliary.referentTasks?.includes(sample.task) ?? true);
  const duplicates = withReferents && auxiliary.referentTargets === 'question';
  const objectReferents = withReferents && !duplicates;
  const fromAnswer = objectReferents && auxiliary.referentTargets === 'answer';
  const scene = auxiliary.localisation || objectReferents ? sceneOfSample(sample) : null;
  const { vision, tokens } = policy.params.config;
  const row = [...prompt.tokenIds, ...answer, end];
  const texts = auxiliary.copies || objectReferents ? row.map((id) => policy.tokenizer.decode([id])) : [];
  const copied = auxiliary.copies
    ? copiedPositions(texts, prompt.tokenIds.length, answerStart, questionWords(questionText({ question: sample.question, options: sample.options }), FORMAT_INSTRUCTION))
    : [];
  const positions = prompt.tokenIds.flatMap((id, i) => (id === tokens.imageTokenId ? [i] : []));
  const cell = tokenCell(vision.patchSize, vision.spatialMergeSize);
  const localisation =
    scene && auxiliary.localisation
      ? { positions, targets: localisationTargets(scene, prepared.inputSize, cell, sample.task === 'grounding' ? sample.answerBox : null) }
      : null;
  const objectOfImageToken = (of: LabelledScene) => tokenObjects(of, prepared.inputSize, cell);
  const referents = duplicates
    ? questionDuplicateTargets(row, { ...questionSpan(prompt.tokenIds, policy), responseStart: prompt.tokenIds.length, answerStart })
    : scene && fromAnswer
      ? answerReferentTargets(texts, positions, objectOfImageToken(scene), scene, {
          responseStart: prompt.tokenIds.length,
          answerStart,
          asked: askedKind(sample.question),
        })
      : scene && objectReferents
        ? referentTargets(texts, positions, objectOfImageToken(scene), scene, {
            responseStart: prompt.tokenIds.length,
            answerStart,
            answerObjects: sample.task === 'grounding' ? objectsBoxed(scene, sample.answerBox) : [],
            spans: auxiliary.referentSpans ?? true,
          })
        : null;
  return { sampleId: sample.id, answerGroup: answerGroupOf(sample), tokens: row, promptLength: prompt.tokenIds.length, answerStart, copied, image: prepared.input, localisation, referents };
}
