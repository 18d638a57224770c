#!/usr/bin/env node
import { extname } from 'node:path';
import { TABLE_FILE_EXTENSIONS } from '@mixed-r1/records';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { DEFAULT_PREPROCESS_CONCURRENCY } from '../batch';
import { PROCESSOR_NAMES, type ProcessorName } from '../processor';
import { processorOptions } from '../processors/registry';
import { IMAGE_EXTENSIONS, listImageFiles, type ImageFileList } from './image-files';
import { preprocessFiles, type PreprocessFilesSummary } from './preprocess-files';

const DESCRIPTION = `Preprocesses images for a vision-language model and writes the records
package's "pixels" batch: one row per image with its sample id, processor,
grid, model-input size, token count and Float32 input rows.

--in: an image file, or a folder scanned recursively for image files:
  ${IMAGE_EXTENSIONS.join(' ')} (any case). A sample id is the path
  relative to the folder, with '/' separators.
--out: the pixels batch, in the format its extension names:
  ${TABLE_FILE_EXTENSIONS.join(' ')}. Images that cannot be preprocessed
  (corrupt, too small, too many pixels, ...) are printed and listed in
  <out>.rejected.jsonl as {"sample_id", "kind", "message"}; the others are
  processed. All rows are held in memory until the file is written.

Settings, per processor (defaults: each model's own):
  qwen2_5_vl: --min-pixels (3136) --max-pixels (12845056) --resample (pil)
  internvl: --min-tiles (1) --max-tiles (12) --resample (pil)
    --use-thumbnail / --no-use-thumbnail (on)
  --resample pil is bit-exact with Pillow's bicubic resize; sharp is faster
  and not bit-exact.
--workers N: preprocess on N worker threads, each with its own processor (the
  exact path is CPU-bound), for machines with several free cores.

Exit code 0 when the images were processed (some may have been rejected),
1 on a usage or settings error.`;

interface PreprocessArguments {
  in: string;
  out: string;
  processor: ProcessorName;
  workers: number;
  concurrency?: number;
  progress: boolean;
  limitInputPixels?: number;
  minPixels?: number;
  maxPixels?: number;
  minTiles?: number;
  maxTiles?: number;
  useThumbnail?: boolean;
  resample?: string;
}

/** The processor settings the command line can give, by their flag. */
const SETTING_FLAGS = ['min-pixels', 'max-pixels', 'min-tiles', 'max-tiles', 'use-thumbnail', 'resample'] as const;

const camelCase = (flag: string) => flag.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
const kebabCase = (key: string) => key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

class UsageError extends Error {}

function parseArguments(argv: string[]): PreprocessArguments | 'help' {
  const parsed = yargs(argv)
    .scriptName('vision:preprocess')
    .usage(DESCRIPTION)
    .option('in', { type: 'string', demandOption: true, describe: 'an image file, or a folder of images (recursive)' })
    .option('out', { type: 'string', demandOption: true, describe: 'the pixels batch to write (.arrow, .arrows, .parquet, ...)' })
    .option('processor', { type: 'string', choices: PROCESSOR_NAMES, default: 'qwen2_5_vl', describe: 'the image processor' })
    .option('min-pixels', { type: 'number', describe: 'qwen2_5_vl: the fewest pixels of the resized image' })
    .option('max-pixels', { type: 'number', describe: 'qwen2_5_vl: the most pixels of the resized image' })
    .option('min-tiles', { type: 'number', describe: 'internvl: the fewest 448-px tiles' })
    .option('max-tiles', { type: 'number', describe: 'internvl: the most 448-px tiles' })
    .option('use-thumbnail', { type: 'boolean', describe: 'internvl: add a thumbnail tile when there are several' })
    .option('resample', { type: 'string', describe: 'pil (bit-exact with Pillow) or sharp (faster)' })
    .option('workers', { type: 'number', default: 0, describe: 'worker threads to preprocess on (0: the main thread); for several free cores' })
    .option('concurrency', { type: 'number', describe: `images in flight (default ${DEFAULT_PREPROCESS_CONCURRENCY}, or 2 per worker)` })
    .option('limit-input-pixels', { type: 'number', describe: 'reject images with more pixels (decompression bombs)' })
    .option('progress', { type: 'boolean', default: true, describe: 'show a progress bar on stderr for a folder' })
    .strict()
    .exitProcess(false)
    .fail((message, error) => {
      throw new UsageError(message ?? error?.message);
    })
    .help()
    .version(false)
    .wrap(null)
    .showHelpOnFail(false)
    .parseSync();
  return parsed.help === true ? 'help' : (parsed as unknown as PreprocessArguments);
}

interface Plan {
  readonly processor: ProcessorName;
  readonly settings: object;
  readonly list: ImageFileList;
  readonly args: PreprocessArguments;
}

function wholeNumberFlag(name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isSafeInteger(value) && value >= 1)) {
    throw new UsageError(`--${name}: expected a whole number >= 1, found ${value}`);
  }
}

/** Everything checked before any image is read: arguments, settings, the input and the output path. */
function plan(args: PreprocessArguments): Plan {
  const extension = extname(args.out).toLowerCase();
  if (!TABLE_FILE_EXTENSIONS.includes(extension)) {
    throw new UsageError(`--out ${args.out}: unknown table file extension "${extension}"; use one of ${TABLE_FILE_EXTENSIONS.join(', ')}`);
  }
  wholeNumberFlag('concurrency', args.concurrency);
  if (!(Number.isSafeInteger(args.workers) && args.workers >= 0)) throw new UsageError(`--workers: expected a whole number >= 0, found ${args.workers}`);
  wholeNumberFlag('limit-input-pixels', args.limitInputPixels);
  const overrides: Record<string, unknown> = {};
  for (const flag of SETTING_FLAGS) {
    const value = args[camelCase(flag) as keyof PreprocessArguments];
    if (value !== undefined) overrides[camelCase(flag)] = value;
  }
  const label = (key: string) => `--${kebabCase(key)}`;
  let settings: object;
  try {
    settings = processorOptions(args.processor, overrides, label);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  let list: ImageFileList;
  try {
    list = listImageFiles(args.in);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return { processor: args.processor, settings, list, args };
}

function report(summary: PreprocessFilesSummary, plan: Plan, log: (line: string) => void, logError: (line: string) => void): void {
  const { images, processed, failures, totalTokens, seconds } = summary;
  for (const failure of failures) logError(`rejected ${failure.sampleId} (${failure.kind}): ${failure.message}`);
  if (plan.list.skipped > 0) log(`skipped ${plan.list.skipped} entries of ${plan.args.in} without an image extension`);
  log(
    `preprocessed ${processed} of ${images} images with ${plan.processor} into ${plan.args.out}: ` +
      `${failures.length} rejected${failures.length > 0 ? ` (listed in ${summary.rejectedPath})` : ''}, ` +
      `${totalTokens} image tokens, ${(images / Math.max(seconds, 1e-9)).toFixed(1)} images/s`,
  );
}

/**
 * Runs the command on `argv` (without the node and script paths); resolves to the exit code:
 * 0 when it ran (some images may have been rejected), 1 on a usage or settings error.
 */
export async function main(argv: string[], log: (line: string) => void = console.log, logError: (line: string) => void = console.error): Promise<number> {
  let checked: Plan;
  try {
    const args = parseArguments(argv);
    if (args === 'help') return 0;
    checked = plan(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    logError(`vision:preprocess: ${error.message}`);
    return 1;
  }
  const summary = await preprocessFiles({
    files: checked.list.files,
    outPath: checked.args.out,
    processor: checked.processor,
    settings: checked.settings,
    workers: checked.args.workers,
    concurrency: checked.args.concurrency,
    limitInputPixels: checked.args.limitInputPixels,
    progress: checked.args.progress && checked.list.folder,
  });
  report(summary, checked, log, logError);
  return 0;
}

if (require.main === module) {
  main(hideBin(process.argv)).then(
    (code) => (process.exitCode = code),
    (error: Error) => {
      console.error(`vision:preprocess: ${error.stack ?? error.message}`);
      process.exitCode = 1;
    },
  );
}
