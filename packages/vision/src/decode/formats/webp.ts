/**
 * WebP (lossy, lossless, with or without alpha): libwebp decodes for both sharp and Pillow; an
 * image with alpha is PIL mode "RGBA", otherwise "RGB" (WebPImagePlugin.py).
 */
import { expectChannels, startsWith, type FormatDecoder } from './format-decoder';

const RIFF = [0x52, 0x49, 0x46, 0x46];
const WEBP = [0x57, 0x45, 0x42, 0x50];

export const webpDecoder: FormatDecoder = {
  format: 'webp',
  matches: (bytes) => startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8),
  async decode(_bytes, reader) {
    const { data, width, height, channels } = expectChannels(await reader.read8('srgb'), 'webp', [3, 4]);
    return { data, width, height, channels: channels === 4 ? 4 : 3 };
  },
};
