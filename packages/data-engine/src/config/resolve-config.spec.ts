import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_ENGINE_CONFIG } from './engine-config';
import { configFileLayer, resolveEngineConfig } from './resolve-config';

const file = (values: unknown) => ({ origin: 'mix.json', values });

describe('resolveEngineConfig', () => {
  it('gives the defaults, frozen', () => {
    const config = resolveEngineConfig();
    expect(config).toEqual(DEFAULT_ENGINE_CONFIG);
    expect(Object.isFrozen(config.quotas.perTask)).toBe(true);
    expect(() => ((config as { seed: number }).seed = 1)).toThrow(TypeError);
  });

  it('merges defaults < file < command line, key by key in nested settings', () => {
    const config = resolveEngineConfig(
      file({ seed: 5, quotas: { perTask: { chart: 10 } }, limits: { maxSide: 2048 }, sources: [{ name: 'cq', adapter: 'chartqa', path: 'a.json' }] }),
      { origin: 'command line', values: { seed: 6, out: '/tmp/x', limits: { minSide: 14 } } },
    );
    expect(config.seed).toBe(6);
    expect(config.out).toBe('/tmp/x');
    expect(config.quotas.perTask).toEqual({ ...DEFAULT_ENGINE_CONFIG.quotas.perTask, chart: 10 });
    expect(config.limits).toEqual({ ...DEFAULT_ENGINE_CONFIG.limits, maxSide: 2048, minSide: 14 });
    expect(config.sources).toEqual([{ name: 'cq', adapter: 'chartqa', path: 'a.json', options: {} }]);
  });

  it.each<[string, unknown, RegExp]>([
    ['an unknown top-level key', { sedd: 1 }, /^mix\.json: sedd: unknown setting; the settings are seed, out, sources/],
    ['an unknown nested key', { quotas: { perTask: { poems: 3 } } }, /^mix\.json: quotas\.perTask\.poems: unknown setting; the settings of quotas\.perTask are yes_no, multiple_choice/],
    ['a negative quota', { quotas: { perTask: { chart: -1 } } }, /^mix\.json: quotas\.perTask\.chart: expected a whole number >= 0, found -1/],
    ['a fractional seed', { seed: 1.5 }, /^mix\.json: seed: expected a whole number from 0 to 4294967295, found 1\.5/],
    ['a bad worker count', { workers: 'many' }, /^mix\.json: workers: expected a whole number from 1 to 64, or "auto", found "many"/],
    ['a bad missing policy', { difficulty: { missing: 'drop' } }, /^mix\.json: difficulty\.missing: expected one of "keep", "reject", found "drop"/],
    ['a source without a path', { sources: [{ name: 'a', adapter: 'llava' }] }, /^mix\.json: sources\[0\]\.path: expected a non-empty string, found undefined/],
    ['an unknown source key', { sources: [{ name: 'a', adapter: 'llava', path: 'p', root: 'x' }] }, /^mix\.json: sources\[0\]\.root: unknown setting; the settings of a source are name, adapter, path, imageRoot, options/],
    ['a settings group that is not an object', { limits: 3 }, /^mix\.json: limits: expected an object of settings, found 3/],
    ['a file that is not an object', [1], /^mix\.json: config: expected an object of settings/],
  ])('names the setting of %s', (_what, values, message) => {
    expect(() => resolveEngineConfig(file(values))).toThrow(message);
  });

  it('checks settings against each other', () => {
    expect(() => resolveEngineConfig(file({ limits: { minSide: 500, maxSide: 400 } }))).toThrow(/limits\.minSide \(500\) is greater than limits\.maxSide \(400\)/);
    const twice = { name: 'a', adapter: 'llava', path: 'p' };
    expect(() => resolveEngineConfig(file({ sources: [twice, twice] }))).toThrow(/sources: the name "a" appears twice/);
  });
});

describe('configFileLayer', () => {
  const folder = mkdtempSync(join(tmpdir(), 'config-'));

  it('reads a JSON file, named as the origin', () => {
    const path = join(folder, 'ok.json');
    writeFileSync(path, '{"seed": 3}');
    expect(configFileLayer(path)).toEqual({ origin: path, values: { seed: 3 } });
  });

  it('names a missing or malformed file', () => {
    expect(() => configFileLayer(join(folder, 'none.json'))).toThrow(/none\.json: cannot read the config file/);
    const bad = join(folder, 'bad.json');
    writeFileSync(bad, '{seed: 3}');
    expect(() => configFileLayer(bad)).toThrow(/bad\.json: not valid JSON/);
  });
});
