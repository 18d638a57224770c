import sharp from 'sharp';
import { assertImageShape, type RawImage } from '../image';

/** PNG bytes of a raw 8-bit image (lossless: decoding gives the same samples back). */
export async function encodePng(image: RawImage): Promise<Uint8Array> {
  assertImageShape(image, 'encodePng');
  const png = await sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength), {
    raw: { width: image.width, height: image.height, channels: image.channels },
  })
    .png({ compressionLevel: 6 })
    .toBuffer();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
