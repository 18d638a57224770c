// Decoding: the only part of the project that uses sharp (through sharp-io.ts).
export {
  decodeImage,
  decodeRaw,
  readImageSize,
  DEFAULT_LIMIT_INPUT_PIXELS,
  type DecodeOptions,
  type DecodeRgbOptions,
  type DecodedImage,
  type ImageSize,
} from './decode-image';
export { toRgb, type AlphaPolicy } from './pil-convert';
export { FORMAT_DECODERS } from './formats/registry';
export type { FormatDecoder, ImageFormat } from './formats/format-decoder';
