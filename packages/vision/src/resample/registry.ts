/** The resamplers, by name: the one place they are listed. */
import type { RgbImage } from '../image';
import { resizePilBicubic } from './pil-bicubic';
import { resizeSharpCubic } from './sharp-cubic';

/** Resizes an RGB image to exactly width x height. */
export type Resampler = (image: RgbImage, width: number, height: number) => Promise<RgbImage>;

export const RESAMPLERS = Object.freeze({
  /** Pillow 9.4's `Image.resize(size, Image.BICUBIC)`, bit for bit (the default). */
  pil: (image: RgbImage, width: number, height: number): Promise<RgbImage> => Promise.resolve(resizePilBicubic(image, width, height)),
  /** sharp's `cubic` kernel: Catmull-Rom, not bit-exact against Pillow. */
  sharp: resizeSharpCubic,
} satisfies Record<string, Resampler>);

export type ResamplerName = keyof typeof RESAMPLERS;

export const RESAMPLER_NAMES = Object.freeze(Object.keys(RESAMPLERS) as ResamplerName[]);

/** The resampler called `name`; throws a TypeError listing the valid names for any other. */
export function resamplerNamed(name: string): Resampler {
  if (!Object.prototype.hasOwnProperty.call(RESAMPLERS, name)) {
    throw new TypeError(`unknown resampler "${name}": expected one of ${RESAMPLER_NAMES.map((n) => `"${n}"`).join(', ')}`);
  }
  return RESAMPLERS[name as ResamplerName];
}
