import type { AlphaPolicy } from '../decode';
import { RESAMPLER_NAMES } from '../resample';
import { PROCESSOR_NAMES, type ImageProcessor, type ProcessorName } from '../processor';
import { createInternVLProcessor, DEFAULT_INTERNVL_OPTIONS, type InternVLProcessorOptions } from './internvl';
import { createQwenProcessor, DEFAULT_QWEN_OPTIONS, type QwenProcessorOptions } from './qwen2-5-vl';

/** What one setting accepts, in words for errors and as a test. */
interface Setting {
  readonly expected: string;
  accepts(value: unknown): boolean;
}

/** One registered processor: its settings with their defaults, and how to make it from them. */
export interface ProcessorFactory<Options extends object> {
  /** How the model's reference code makes an RGBA image RGB before preprocessing. */
  readonly alpha: AlphaPolicy;
  readonly defaults: Options;
  readonly settings: { readonly [K in keyof Options]: Setting };
  /** A rule across settings: the problem and its fix, or undefined when the settings agree. */
  readonly crossCheck: (options: Options, label: (key: keyof Options & string) => string) => string | undefined;
  readonly create: (options: Options) => ImageProcessor;
}

const wholeNumber: Setting = {
  expected: 'a whole number >= 1',
  accepts: (value) => Number.isSafeInteger(value) && (value as number) >= 1,
};
const flag: Setting = { expected: 'true or false', accepts: (value) => typeof value === 'boolean' };
const resamplerName: Setting = {
  expected: `a resampler name (one of ${RESAMPLER_NAMES.join(', ')})`,
  accepts: (value) => (RESAMPLER_NAMES as readonly unknown[]).includes(value),
};

function orderProblem(lowName: string, low: number, highName: string, high: number): string {
  return `setting ${lowName} (${low}) is over ${highName} (${high}); lower ${lowName} or raise ${highName}`;
}

const qwen2_5_vl: ProcessorFactory<QwenProcessorOptions> = {
  // qwen-vl-utils `vision_process.py` `to_rgb`: RGBA is composited on white.
  alpha: 'white',
  defaults: DEFAULT_QWEN_OPTIONS,
  settings: { minPixels: wholeNumber, maxPixels: wholeNumber, resample: resamplerName },
  crossCheck: ({ minPixels, maxPixels }, label) =>
    minPixels > maxPixels ? orderProblem(label('minPixels'), minPixels, label('maxPixels'), maxPixels) : undefined,
  create: createQwenProcessor,
};

const internvl: ProcessorFactory<InternVLProcessorOptions> = {
  // InternVL `load_image`: `Image.open(image_file).convert('RGB')`, which drops alpha.
  alpha: 'drop',
  defaults: DEFAULT_INTERNVL_OPTIONS,
  settings: { minTiles: wholeNumber, maxTiles: wholeNumber, useThumbnail: flag, resample: resamplerName },
  crossCheck: ({ minTiles, maxTiles }, label) =>
    minTiles > maxTiles ? orderProblem(label('minTiles'), minTiles, label('maxTiles'), maxTiles) : undefined,
  create: createInternVLProcessor,
};

/** Every image processor, by name: the one place processors are registered. */
export const PROCESSORS: { readonly [N in ProcessorName]: ProcessorFactory<ProcessorOptionsOf<N>> } = Object.freeze({
  qwen2_5_vl,
  internvl,
});

interface OptionsByName {
  readonly qwen2_5_vl: QwenProcessorOptions;
  readonly internvl: InternVLProcessorOptions;
}

export type ProcessorOptionsOf<N extends ProcessorName> = OptionsByName[N];

function isProcessorName(name: unknown): name is ProcessorName {
  return typeof name === 'string' && (PROCESSOR_NAMES as readonly string[]).includes(name);
}

/** A value as it would be written in JSON, or as JavaScript writes it where JSON cannot (NaN, undefined). */
function shown(value: unknown): string {
  return typeof value === 'number' || value === undefined ? String(value) : JSON.stringify(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How images are made RGB for processor `name`, as its reference code does. */
export function alphaPolicyOf(name: ProcessorName): AlphaPolicy {
  return PROCESSORS[name].alpha;
}

/** A processor name, checked; an unknown name throws with the valid names. */
export function processorName(name: unknown): ProcessorName {
  if (!isProcessorName(name)) {
    throw new Error(`unknown image processor ${shown(name)}; valid processors: ${PROCESSOR_NAMES.join(', ')}`);
  }
  return name;
}

/**
 * The settings of processor `name`: its defaults overridden by `overrides`, validated and frozen.
 * An unknown key or a bad value throws an error naming the setting, what it accepts and the fix;
 * `settingLabel` writes a setting's name in errors (e.g. with the command-line flag that sets it).
 */
export function processorOptions<N extends ProcessorName>(
  name: N,
  overrides: unknown = {},
  settingLabel: (key: string) => string = (key) => `"${key}"`,
): ProcessorOptionsOf<N> {
  const factory = PROCESSORS[name] as unknown as ProcessorFactory<Record<string, unknown>>;
  const where = `image processor "${name}"`;
  if (!isPlainObject(overrides)) throw new Error(`${where}: expected an object of settings, found ${shown(overrides)}`);
  const valid = Object.keys(factory.settings);
  for (const [key, value] of Object.entries(overrides)) {
    if (!valid.includes(key)) {
      throw new Error(`${where}: unknown setting ${settingLabel(key)}; valid settings: ${valid.map(settingLabel).join(', ')}`);
    }
    const setting = factory.settings[key];
    if (!setting.accepts(value)) {
      throw new Error(`${where}: setting ${settingLabel(key)}: expected ${setting.expected}, found ${shown(value)}`);
    }
  }
  const options = Object.freeze({ ...factory.defaults, ...overrides });
  const problem = factory.crossCheck(options, settingLabel);
  if (problem !== undefined) throw new Error(`${where}: ${problem}`);
  return options as unknown as ProcessorOptionsOf<N>;
}

/** The image processor `name` with `options` over its defaults; throws on an unknown name or a bad setting. */
export function createProcessor(name: string, options: unknown = {}): ImageProcessor {
  const checkedName = processorName(name);
  const factory = PROCESSORS[checkedName] as unknown as ProcessorFactory<object>;
  return factory.create(processorOptions(checkedName, options));
}
