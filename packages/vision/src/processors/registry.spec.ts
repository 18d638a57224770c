import { PIXEL_PROCESSORS } from '@mixed-r1/records';
import { PROCESSOR_NAMES } from '../processor';
import { alphaPolicyOf, createProcessor, processorName, processorOptions, PROCESSORS } from './registry';

describe('the processor registry', () => {
  it('registers every processor name, and they are the pixels schema processors', () => {
    expect(Object.keys(PROCESSORS).sort()).toEqual([...PROCESSOR_NAMES].sort());
    expect(PROCESSOR_NAMES).toEqual(PIXEL_PROCESSORS);
  });

  it('makes each processor under its own name', () => {
    for (const name of PROCESSOR_NAMES) expect(createProcessor(name).name).toBe(name);
  });

  it('makes Qwen2.5-VL with its defaults (640x480 -> 644x476) or the given settings', () => {
    expect(createProcessor('qwen2_5_vl').inputSize([640, 480])).toEqual([644, 476]);
    // 100,000 max pixels: beta = sqrt(307,200 / 100,000); floor(480 / beta / 28) * 28 = 252, floor(640 / beta / 28) * 28 = 364.
    expect(createProcessor('qwen2_5_vl', { maxPixels: 100_000 }).inputSize([640, 480])).toEqual([364, 252]);
  });

  it('makes InternVL with its defaults (800x600 -> 4x3 tiles) or the given settings', () => {
    expect(createProcessor('internvl').inputSize([800, 600])).toEqual([1792, 1344]);
    expect(createProcessor('internvl', { maxTiles: 6 }).inputSize([800, 600])).toEqual([1344, 896]);
  });

  it("makes RGBA images RGB as each model's reference code does", () => {
    expect(alphaPolicyOf('qwen2_5_vl')).toBe('white');
    expect(alphaPolicyOf('internvl')).toBe('drop');
  });

  it('throws on an unknown name, listing the valid ones', () => {
    expect(() => createProcessor('llava')).toThrow('unknown image processor "llava"; valid processors: qwen2_5_vl, internvl');
    expect(() => processorName(7)).toThrow('unknown image processor 7; valid processors: qwen2_5_vl, internvl');
  });
});

describe('processor settings', () => {
  it('are the defaults overridden by the given ones, frozen', () => {
    const options = processorOptions('internvl', { maxTiles: 6, useThumbnail: false });
    expect(options).toEqual({ minTiles: 1, maxTiles: 6, useThumbnail: false, resample: 'pil' });
    expect(Object.isFrozen(options)).toBe(true);
    expect(processorOptions('qwen2_5_vl')).toEqual({ minPixels: 3136, maxPixels: 12845056, resample: 'pil' });
  });

  it('reject an unknown setting, naming the valid ones', () => {
    expect(() => createProcessor('qwen2_5_vl', { maxTiles: 6 })).toThrow(
      'image processor "qwen2_5_vl": unknown setting "maxTiles"; valid settings: "minPixels", "maxPixels", "resample"',
    );
  });

  it.each([
    ['qwen2_5_vl', { minPixels: 0 }, 'setting "minPixels": expected a whole number >= 1, found 0'],
    ['qwen2_5_vl', { maxPixels: -5 }, 'setting "maxPixels": expected a whole number >= 1, found -5'],
    ['qwen2_5_vl', { maxPixels: 1.5 }, 'setting "maxPixels": expected a whole number >= 1, found 1.5'],
    ['qwen2_5_vl', { minPixels: Number.NaN }, 'setting "minPixels": expected a whole number >= 1, found NaN'],
    ['qwen2_5_vl', { minPixels: '3136' }, 'setting "minPixels": expected a whole number >= 1, found "3136"'],
    ['qwen2_5_vl', { resample: 'lanczos' }, 'setting "resample": expected a resampler name (one of pil, sharp), found "lanczos"'],
    ['internvl', { maxTiles: 0 }, 'setting "maxTiles": expected a whole number >= 1, found 0'],
    ['internvl', { useThumbnail: 'yes' }, 'setting "useThumbnail": expected true or false, found "yes"'],
    ['internvl', { minTiles: undefined }, 'setting "minTiles": expected a whole number >= 1, found undefined'],
  ])('%s rejects %j, naming the setting', (name, options, message) => {
    expect(() => createProcessor(name, options)).toThrow(`image processor "${name}": ${message}`);
  });

  it('reject a minimum over the maximum, saying what to change', () => {
    expect(() => createProcessor('qwen2_5_vl', { minPixels: 5000, maxPixels: 4000 })).toThrow(
      'image processor "qwen2_5_vl": setting "minPixels" (5000) is over "maxPixels" (4000); lower "minPixels" or raise "maxPixels"',
    );
    expect(() => createProcessor('internvl', { minTiles: 13 })).toThrow(
      'image processor "internvl": setting "minTiles" (13) is over "maxTiles" (12); lower "minTiles" or raise "maxTiles"',
    );
  });

  it('reject settings that are not an object', () => {
    expect(() => createProcessor('internvl', [6])).toThrow('image processor "internvl": expected an object of settings, found [6]');
  });

  it('name a setting as the caller writes it', () => {
    const flag = (key: string) => `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
    expect(() => processorOptions('qwen2_5_vl', { minPixels: 9, maxPixels: 8 }, flag)).toThrow(
      'setting --min-pixels (9) is over --max-pixels (8); lower --min-pixels or raise --max-pixels',
    );
    expect(() => processorOptions('qwen2_5_vl', { maxTiles: 3 }, flag)).toThrow(
      'unknown setting --max-tiles; valid settings: --min-pixels, --max-pixels, --resample',
    );
  });
});
