export { preprocessImages, DEFAULT_PREPROCESS_CONCURRENCY } from './preprocess-images';
export type { ImageItem, ImageFailure, PreprocessOptions, PreprocessResult } from './preprocess-images';
export { preprocessImagesInWorkers } from './worker-pool';
export type { ProcessorSpec, WorkerPreprocessOptions } from './worker-pool';
export { concatenatePatchRows } from './concatenate';
export type { ConcatenatedRows } from './concatenate';
