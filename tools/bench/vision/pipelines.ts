/**
 * The pipelines the vision benchmark times, by name: each takes the bytes of one JPEG and runs
 * the preprocessing up to some stage. Add a pipeline here to time it (vision.ts runs them all).
 */
import { createQwenProcessor, decodeImage, resizePilBicubic, resizeSharpCubic, smartResize } from '@mixed-r1/vision';

/** Qwen2.5-VL max_pixels for the benchmark: a 1024x768 image becomes 1036x756. */
export const MAX_PIXELS = 1_003_520;

export type Pipeline = (jpeg: Uint8Array, index: number) => Promise<unknown>;

async function decodeAndResize(jpeg: Uint8Array, resample: 'pil' | 'sharp'): Promise<unknown> {
  const image = await decodeImage(jpeg);
  const [height, width] = smartResize(image.height, image.width, { maxPixels: MAX_PIXELS });
  return resample === 'pil' ? resizePilBicubic(image, width, height) : resizeSharpCubic(image, width, height);
}

const qwenPil = createQwenProcessor({ maxPixels: MAX_PIXELS, resample: 'pil' });
const qwenSharp = createQwenProcessor({ maxPixels: MAX_PIXELS, resample: 'sharp' });

export const PIPELINES: Readonly<Record<string, Pipeline>> = Object.freeze({
  'decode (sharp, to_rgb)': (jpeg) => decodeImage(jpeg),
  'decode + resize, pil (exact)': (jpeg) => decodeAndResize(jpeg, 'pil'),
  'decode + resize, sharp cubic': (jpeg) => decodeAndResize(jpeg, 'sharp'),
  'qwen2.5-vl full, pil (exact)': async (jpeg, index) => qwenPil.process(await decodeImage(jpeg), `bench-${index}`),
  'qwen2.5-vl full, sharp cubic': async (jpeg, index) => qwenSharp.process(await decodeImage(jpeg), `bench-${index}`),
});
