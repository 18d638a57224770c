import type { LabelledScene } from '../perception/scene-token-labels';
import { referentMentions } from './referent-mentions';

/**
 * Where the referent-attention objective looks: query positions, and for each the positions of the
 * image tokens showing the objects it is about (the keys its attention should fall on).
 */
export interface ReferentTargets {
  readonly queries: readonly number[];
  readonly keys: readonly (readonly number[])[];
}

/** The row's layout: where the response and its answer span start (token positions). */
export interface ReferentRowLayout {
  /** First token of the response (after the prompt). */
  readonly responseStart: number;
  /** First token after `<answer>`. */
  readonly answerStart: number;
  /** The objects the answer is about (a grounding answer's box), or none. */
  readonly answerObjects: readonly number[];
  /** Query from the response spans and the answer too (below); false: from the phrases' last tokens only. */
  readonly spans: boolean;
}

// A response token that ends a sentence, and so the span of the mention before it.
const SENTENCE_END = /[.?!]|<\/think>/;

/**
 * The referent targets of one token row. `tokenTexts[i]` is token i's text (the tokenizer's decode
 * of that id alone), `imagePositions` the positions of the image tokens in raster order and
 * `objectOfImageToken` the object each of them shows (`tokenObjects`; -1: background).
 *
 * - Each phrase after the image naming objects of the scene is a query at its last token.
 * - In the response, the tokens after such a phrase up to the next phrase or the end of the
 *   sentence query the same objects: they write what the phrase's objects are ("circle in the
 *   image, and it is" -> "orange").
 * - The tokens from `<answer>` to the last one before the end query `answerObjects` (they write the
 *   box of the object a grounding question names).
 *
 * With `layout.spans` false, only the first item holds. A query whose objects no image token shows
 * is left out.
 */
export function referentTargets(
  tokenTexts: readonly string[],
  imagePositions: readonly number[],
  objectOfImageToken: Int32Array,
  scene: LabelledScene,
  layout: ReferentRowLayout,
): ReferentTargets {
  if (imagePositions.length !== objectOfImageToken.length) {
    throw new Error(`referentTargets: ${imagePositions.length} image tokens in the row, ${objectOfImageToken.length} in the scene's token grid`);
  }
  const after = imagePositions.length > 0 ? imagePositions[imagePositions.length - 1] + 1 : 0;
  // tokenAt[c]: the token holding character c of the text after the image
  const tokenAt: number[] = [];
  for (let token = after; token < tokenTexts.length; token++) for (let c = 0; c < tokenTexts[token].length; c++) tokenAt.push(token);
  const text = tokenTexts.slice(after).join('');
  const shownBy = (objects: readonly number[]) => imagePositions.filter((_, i) => objects.includes(objectOfImageToken[i]));
  const queries: number[] = [];
  const keys: number[][] = [];
  const mentions = referentMentions(text, scene).map((mention) => ({ at: tokenAt[mention.lastCharacter], shown: shownBy(mention.objects) }));
  mentions.forEach(({ at, shown }, m) => {
    if (shown.length === 0) return;
    const next = m + 1 < mentions.length ? mentions[m + 1].at : tokenTexts.length - 1;
    let end = at + 1;
    if (layout.spans && at >= layout.responseStart) while (end < next && !SENTENCE_END.test(tokenTexts[end])) end++;
    for (let query = at; query < end; query++) {
      queries.push(query);
      keys.push(shown);
    }
  });
  const answerKeys = layout.spans ? shownBy(layout.answerObjects) : [];
  if (answerKeys.length > 0) {
    for (let query = layout.answerStart - 1; query < tokenTexts.length - 1; query++) {
      queries.push(query);
      keys.push(answerKeys);
    }
  }
  return { queries, keys };
}
