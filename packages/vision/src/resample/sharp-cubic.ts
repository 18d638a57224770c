/**
 * The not bit-exact option: libvips' resampling with sharp's `cubic` kernel, the Catmull-Rom cubic
 * (the same curve as Pillow's BICUBIC, a = -0.5) with libvips' own arithmetic, so results differ
 * from Pillow's by a few levels (the bounds measured on the fixtures are pinned in
 * sharp-cubic.spec.ts and stated in DECODING.md). Sides that shrink go through libvips' separable
 * reduce (fast); sides that grow through its affine transform (slower than `resizePilBicubic`):
 * see decode/sharp-io.ts `shrinkCubic` and `growCubic`.
 */
import { growCubic, shrinkCubic } from '../decode/sharp-io';
import { assertImageShape, type RgbImage } from '../image';

export async function resizeSharpCubic(image: RgbImage, width: number, height: number): Promise<RgbImage> {
  assertImageShape(image, 'resizeSharpCubic input');
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new TypeError(`resize: target width and height must be whole numbers >= 1, found ${width}x${height}`);
  }
  if (image.channels !== 3) throw new TypeError(`resizeSharpCubic: expected an RGB image (3 channels), found ${image.channels}`);
  let current: RgbImage = image;
  const step = async (w: number, h: number): Promise<void> => {
    const grow = w > current.width || h > current.height;
    const data = grow ? await growCubic(current.data, current, w, h) : await shrinkCubic(current.data, current, w, h);
    current = { data, width: w, height: h, channels: 3 };
  };
  const shrinkBoth = width <= image.width && height <= image.height;
  const growBoth = width >= image.width && height >= image.height;
  if (shrinkBoth || growBoth) {
    if (width !== image.width || height !== image.height) await step(width, height);
  } else {
    // one side shrinks, the other grows: the width first, then the height, as Pillow's passes
    // (clipping to 0..255 between them matters next to hard edges)
    await step(width, image.height);
    await step(width, height);
  }
  return current === image ? { data: image.data.slice(), width, height, channels: 3 } : current;
}
