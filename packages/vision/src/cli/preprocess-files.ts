import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ProgressBar, writeTable } from '@mixed-r1/records';
import { preprocessImages, type ImageFailure } from '../batch';
import { pixelBatchOf } from '../pixel-batch';
import type { ImageProcessor } from '../processor';
import type { ImageFile } from './image-files';

export interface PreprocessFilesOptions {
  readonly files: readonly ImageFile[];
  readonly outPath: string;
  readonly processor: ImageProcessor;
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
  const { files, outPath, processor } = options;
  const bar = options.progress ? new ProgressBar(`preprocess ${processor.name}`, files.length) : undefined;
  const started = performance.now();
  const { processed, failures } = await preprocessImages(
    files.map((file) => ({ sampleId: file.sampleId, source: file.path })),
    processor,
    { concurrency: options.concurrency, limitInputPixels: options.limitInputPixels, onProgress: () => bar?.tick() },
  );
  bar?.finish();
  const seconds = (performance.now() - started) / 1000;
  const rejectedPath = rejectedPathOf(outPath);
  writeTextAtomic(rejectedPath, failures.map((failure) => `${JSON.stringify(rejectedLine(failure))}\n`).join(''));
  writeTable(outPath, pixelBatchOf(processed));
  const totalTokens = processed.reduce((sum, image) => sum + image.tokenCount, 0);
  return { images: files.length, processed: processed.length, failures, totalTokens, seconds, rejectedPath };
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
