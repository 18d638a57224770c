import type { LabelledScene } from '../perception/scene-token-labels';
import { referentMentions } from './referent-mentions';

/**
 * Where the referent-attention objective looks: for each mention of scene objects in an example's
 * text after its image, the position of the mention's last token (the query) and the positions of
 * the image tokens showing an object it names (the keys its attention should fall on).
 */
export interface ReferentTargets {
  readonly queries: readonly number[];
  readonly keys: readonly (readonly number[])[];
}

/**
 * The referent targets of one token row. `tokenTexts[i]` is token i's text (the tokenizer's decode
 * of that id alone), `imagePositions` the positions of the image tokens in raster order and
 * `objectOfImageToken` the object each of them shows (`tokenObjects`; -1: background). Mentions
 * are looked for in the text after the last image token; one whose objects no image token shows is
 * left out.
 */
export function referentTargets(
  tokenTexts: readonly string[],
  imagePositions: readonly number[],
  objectOfImageToken: Int32Array,
  scene: LabelledScene,
): ReferentTargets {
  if (imagePositions.length !== objectOfImageToken.length) {
    throw new Error(`referentTargets: ${imagePositions.length} image tokens in the row, ${objectOfImageToken.length} in the scene's token grid`);
  }
  const after = imagePositions.length > 0 ? imagePositions[imagePositions.length - 1] + 1 : 0;
  // tokenAt[c]: the token holding character c of the text after the image
  const tokenAt: number[] = [];
  for (let token = after; token < tokenTexts.length; token++) for (let c = 0; c < tokenTexts[token].length; c++) tokenAt.push(token);
  const text = tokenTexts.slice(after).join('');
  const queries: number[] = [];
  const keys: number[][] = [];
  for (const mention of referentMentions(text, scene)) {
    const shown = imagePositions.filter((_, i) => mention.objects.includes(objectOfImageToken[i]));
    if (shown.length === 0) continue;
    queries.push(tokenAt[mention.lastCharacter]);
    keys.push(shown);
  }
  return { queries, keys };
}
