import { TINY_TOKEN_IDS } from '../config/tiny-config';
import type { ImageInput } from '../model/image-input';
import { Rng } from '../random/rng';

/**
 * A deterministic image for the tiny config: grid 1 x h x w patches of normal(0, 1) values
 * (already "normalised" pixels), seeded.
 */
export function randomImage(h: number, w: number, seed: number): ImageInput {
  const rng = Rng.fromSeed(seed);
  return { rows: Float32Array.from({ length: h * w * 1176 }, () => rng.nextNormal()), grid: { t: 1, h, w } };
}

/** A chat-shaped token sequence of the tiny vocabulary around an image of `imageTokens` tokens. */
export function tinyPromptIds(imageTokens: number, seed: number, textBefore = 5, textAfter = 7): number[] {
  const rng = Rng.fromSeed(seed);
  const text = (n: number) => Array.from({ length: n }, () => Math.floor(rng.nextFloat() * 900));
  return [
    TINY_TOKEN_IDS.imStart,
    ...text(textBefore),
    TINY_TOKEN_IDS.visionStart,
    ...Array<number>(imageTokens).fill(TINY_TOKEN_IDS.imagePad),
    TINY_TOKEN_IDS.visionEnd,
    ...text(textAfter),
    TINY_TOKEN_IDS.imEnd,
  ];
}
