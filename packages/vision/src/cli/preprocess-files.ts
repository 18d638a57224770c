import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ProgressBar, writeTable } from '@mixed-r1/records';
import { preprocessImages, preprocessImagesInWorkers, type ImageFailure, type ImageItem, type PreprocessOptions, type PreprocessResult } from '../batch';
import { pixelBatchOf } from '../pixel-batch';
import type { ImageProcessor, ProcessorName } from '../processor';
import { createProcessor } from '../processors/registry';
import type { ImageFile } from './image-files';

export interface PreprocessFilesOptions {
  readonly files: readonly ImageFile[];
  readonly outPath: string;
  readonly processor: ProcessorName;
  /** Validated settings of the processor (see `processorOptions`). */
  readonly settings: object;
  /** Worker threads to preprocess on; 0: in this thread. */
  readonly workers: number;
  readonly concurrency?: number;
  readonly limitInputPixels?: number;
  /** Show a progress bar on stderr. */
  readonly progress: boolean;
}

export interface PreprocessFilesSummary {
  readonly images: number;
  readonly processed: number;
  readonly failures: readonly ImageFailure[];
  readonly totalTokens: number;
  readonly seconds: number;
  readonly rejectedPath: string;
}

/** Where the images that could not be preprocessed are listed: `<out>.rejected.jsonl`. */
export function rejectedPathOf(outPath: string): string {
  return `${outPath}.rejected.jsonl`;
}

/**
 * Preprocesses `files` and writes the pixels batch to `outPath` and one JSON line per rejected
 * image ({sample_id, kind, message}) to `<out>.rejected.jsonl`, empty when none was; both files
 * are replaced atomically.
 */
export async function preprocessFiles(options: PreprocessFilesOptions): Promise<PreprocessFilesSummary> {
  const { files, outPath } = options;
  const bar = options.progress ? new ProgressBar(`preprocess ${options.processor}`, files.length) : undefined;
  const started = performance.now();
  const items = files.map((file) => ({ sampleId: file.sampleId, source: file.path }));
  const { processed, failures } = await preprocess(items, options, { onProgress: () => bar?.tick() });
  bar?.finish();
  const seconds = (performance.now() - started) / 1000;
  const rejectedPath = rejectedPathOf(outPath);
  writeTextAtomic(rejectedPath, failures.map((failure) => `${JSON.stringify(rejectedLine(failure))}\n`).join(''));
  writeTable(outPath, pixelBatchOf(processed));
  const totalTokens = processed.reduce((sum, image) => sum + image.tokenCount, 0);
  return { images: files.length, processed: processed.length, failures, totalTokens, seconds, rejectedPath };
}

function preprocess(items: ImageItem[], options: PreprocessFilesOptions, progress: Pick<PreprocessOptions, 'onProgress'>): Promise<PreprocessResult> {
  const common = { ...progress, concurrency: options.concurrency, limitInputPixels: options.limitInputPixels };
  if (options.workers > 0) {
    return preprocessImagesInWorkers(items, { name: options.processor, options: options.settings }, { ...common, workers: options.workers });
  }
  const processor: ImageProcessor = createProcessor(options.processor, options.settings);
  return preprocessImages(items, processor, common);
}

function rejectedLine(failure: ImageFailure): Record<string, string> {
  return { sample_id: failure.sampleId, kind: failure.kind, message: failure.message };
}

function writeTextAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, text, { flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
