import { DEFAULT_BMAS_OPTIONS, resolveBmasOptions } from './bmas-options';

describe('resolveBmasOptions', () => {
  it('defaults: 512 tokens, mean, bounded caches, auto kernel; frozen', () => {
    const options = resolveBmasOptions();
    expect(options).toEqual({ maxTokens: 512, combination: 'mean', referenceCacheSize: 32, tokenCacheSize: 4096, kernel: 'auto' });
    expect(Object.isFrozen(options)).toBe(true);
    expect(options).toEqual(DEFAULT_BMAS_OPTIONS);
  });

  it('overrides what is given', () => {
    expect(resolveBmasOptions({ maxTokens: 64, combination: 'harmonic', referenceCacheSize: 0, kernel: 'js' })).toEqual({
      maxTokens: 64,
      combination: 'harmonic',
      referenceCacheSize: 0,
      tokenCacheSize: 4096,
      kernel: 'js',
    });
  });

  it.each([
    [{ maxTokens: 0 }, 'bmas.maxTokens: expected a whole number >= 1, found 0'],
    [{ maxTokens: 1.5 }, 'bmas.maxTokens: expected a whole number >= 1, found 1.5'],
    [{ maxTokens: '512' }, 'bmas.maxTokens: expected a whole number >= 1, found "512"'],
    [{ referenceCacheSize: -1 }, 'bmas.referenceCacheSize: expected a whole number >= 0, found -1'],
    [{ tokenCacheSize: null }, 'bmas.tokenCacheSize: expected a whole number >= 0, found null'],
    [{ combination: 'max' }, 'bmas.combination: expected one of mean, harmonic, product, found "max"'],
    [{ kernel: 'gpu' }, 'bmas.kernel: expected one of auto, wasm, wasm-simd, wasm-relaxed-simd, js, found "gpu"'],
    [{ maxTokns: 5 }, 'bmas: unknown setting "maxTokns"; valid settings: maxTokens, combination, referenceCacheSize, tokenCacheSize, kernel'],
    [[1], 'bmas: expected an object of BMAS settings, found [1]'],
  ])('%j -> %s', (overrides, message) => {
    expect(() => resolveBmasOptions(overrides)).toThrow(message);
  });

  it('names the origin', () => {
    expect(() => resolveBmasOptions({ maxTokens: 0 }, 'config.json rewards.bmas')).toThrow(/^config\.json rewards\.bmas\.maxTokens:/);
  });
});
