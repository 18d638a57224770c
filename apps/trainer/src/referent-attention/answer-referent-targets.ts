// "answer" targets of the referent-attention objective: the tokens that write the answer look at
// the objects the question names, or at <|vision_start|> when the scene has none of them. A yes/no
// answer needs two attention steps in sequence (carry the question's object to the answer, find
// it among the image tokens), which plain supervision of the answer did not start learning
// (data/models/tiny-vlm/EXPERIMENTS.md, "With no reasoning to copy"); these targets give the
// second step a dense signal at the answer itself, and make "found nothing" a place to look at,
// so that whether the lookup found the object is in what the head reads.

import type { LabelledScene } from '../perception/scene-token-labels';
import type { AskedKind } from './attribute-question';
import { referentMentions } from './referent-mentions';
import type { ReferentTargets } from './referent-targets';

/** Where the response and its answer span start in the row (token positions). */
export interface AnswerRowLayout {
  /** First token of the response (after the prompt). */
  readonly responseStart: number;
  /** First token after `<answer>`. */
  readonly answerStart: number;
  /** The kind an attribute question asks after (`askedKind`): its objects replace those the phrases name. */
  readonly asked?: AskedKind | null;
}

/**
 * The answer's referent targets of one token row (`tokenTexts`, `imagePositions` and
 * `objectOfImageToken` as `referentTargets` reads them): queries from `<answer>` to the last token
 * before the row's end; keys, the image tokens showing any object that a phrase of the question
 * (the text between the image and the response) names, or, when its phrases name objects the scene
 * does not have, the token before the image (`<|vision_start|>`). With `layout.asked` (an attribute
 * question), the objects of that colour and shape instead, or `<|vision_start|>` when there are none.
 * A question that names no object, or whose objects no image token shows, has no targets.
 */
export function answerReferentTargets(
  tokenTexts: readonly string[],
  imagePositions: readonly number[],
  objectOfImageToken: Int32Array,
  scene: LabelledScene,
  layout: AnswerRowLayout,
): ReferentTargets {
  if (imagePositions.length === 0 || imagePositions.length !== objectOfImageToken.length) {
    throw new Error(`answerReferentTargets: ${imagePositions.length} image tokens in the row, ${objectOfImageToken.length} in the scene's token grid`);
  }
  const { responseStart, answerStart } = layout;
  if (!(imagePositions[imagePositions.length - 1] < responseStart && responseStart < answerStart && answerStart < tokenTexts.length)) {
    throw new Error(`answerReferentTargets: response at ${responseStart} and answer at ${answerStart} do not fit a row of ${tokenTexts.length} tokens after its image`);
  }
  const question = tokenTexts.slice(imagePositions[imagePositions.length - 1] + 1, responseStart).join('');
  const { asked } = layout;
  const mentions = referentMentions(question, scene, { keepAbsent: true });
  if (mentions.length === 0 && !asked) return { queries: [], keys: [] };
  const named = new Set(
    asked
      ? scene.objects.flatMap((object, i) => (object.colour === asked.colour && object.shape === asked.shape ? [i] : []))
      : mentions.flatMap((mention) => mention.objects),
  );
  const shown = imagePositions.filter((_, i) => named.has(objectOfImageToken[i]));
  if (named.size > 0 && shown.length === 0) return { queries: [], keys: [] };
  const keys = named.size > 0 ? shown : [imagePositions[0] - 1];
  const queries = Array.from({ length: tokenTexts.length - answerStart }, (_, i) => answerStart - 1 + i);
  return { queries, keys: queries.map(() => keys) };
}
