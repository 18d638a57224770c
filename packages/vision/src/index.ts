// @mixed-r1/vision: image preprocessing for Qwen2.5-VL and InternVL (SPEC.md section 4).
// The only public surface; sharp stays inside this package.

export { assertImageShape, type RawImage, type RgbImage } from './image';
export { ImageError, type ImageErrorKind } from './errors';

export { smartResize, roundHalfToEven, QWEN_FACTOR, QWEN_MIN_PIXELS, QWEN_MAX_PIXELS, MAX_ASPECT_RATIO, type SmartResizeOptions } from './smart-resize';
export { CLIP_MEAN, CLIP_STD, IMAGENET_MEAN, IMAGENET_STD, normalisationTables, type ChannelStats } from './normalize';
export { patchify, tokenCount, PATCH_SIZE, MERGE_SIZE, TEMPORAL_PATCH_SIZE, PATCH_ROW_LENGTH, type PatchGrid, type PatchRows } from './qwen/patchify';
export { PROCESSOR_NAMES, type ProcessorName, type ImageProcessor, type ProcessedImage } from './processor';
export { originalBoxToInput, inputBoxToOriginalFrame, roundBoxInside } from './boxes';

export { renderSvgToPng } from './encode/render-svg';
export { encodePng } from './encode/encode-png';

export {
  decodeImage,
  decodeRaw,
  readImageSize,
  toRgb,
  DEFAULT_LIMIT_INPUT_PIXELS,
  FORMAT_DECODERS,
  type AlphaPolicy,
  type DecodeOptions,
  type DecodeRgbOptions,
  type DecodedImage,
  type ImageSize,
  type ImageFormat,
  type FormatDecoder,
} from './decode';
export { resizePilBicubic, resizeSharpCubic, RESAMPLERS, RESAMPLER_NAMES, resamplerNamed, pilBicubicWasmAvailable, type Resampler, type ResamplerName } from './resample';
export { createQwenProcessor, DEFAULT_QWEN_OPTIONS, type QwenProcessorOptions } from './processors/qwen2-5-vl';
export {
  createInternVLProcessor,
  DEFAULT_INTERNVL_OPTIONS,
  internVLTileGrids,
  closestTileGrid,
  INTERNVL_TILE_SIZE,
  INTERNVL_TOKENS_PER_TILE,
  INTERNVL_TILE_LENGTH,
  type InternVLProcessorOptions,
  type TileGrid,
} from './processors/internvl';
export { PROCESSORS, createProcessor, processorOptions, processorName, alphaPolicyOf, type ProcessorFactory, type ProcessorOptionsOf } from './processors/registry';
export {
  preprocessImages,
  preprocessImagesInWorkers,
  concatenatePatchRows,
  DEFAULT_PREPROCESS_CONCURRENCY,
  type ImageItem,
  type ImageFailure,
  type PreprocessOptions,
  type PreprocessResult,
  type ProcessorSpec,
  type WorkerPreprocessOptions,
  type ConcatenatedRows,
} from './batch';
export { pixelBatchOf, processedFromPixelBatch, MAX_VALUES_PER_RECORD_BATCH } from './pixel-batch';
