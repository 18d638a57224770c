import * as tf from '@tensorflow/tfjs-core';

import { BackendSelector } from './select-backend';

describe('selectBackend', () => {
  it('auto skips the native packages that are not installed, says why, and takes wasm', async () => {
    const lines: string[] = [];
    const chosen = await new BackendSelector().select(undefined, { env: {}, log: (l) => lines.push(l) });
    expect(chosen.name).toBe('wasm');
    expect(chosen.request).toBe('auto');
    expect(tf.getBackend()).toBe('wasm');
    expect(chosen.skipped.map((s) => s.name)).toEqual(['tensorflow-gpu', 'tensorflow']);
    expect(chosen.skipped[0].reason).toMatch(/@tensorflow\/tfjs-node-gpu is not installed \(an optional dependency.*TFJS_NODE_CDN_STORAGE/);
    expect(chosen.skipped[1].reason).toMatch(/@tensorflow\/tfjs-node is not installed/);
    expect(lines[0]).toBe('tensor backend: wasm (@tensorflow/tfjs-backend-wasm (WebAssembly SIMD, single-threaded); requested: auto)');
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^ {2}skipped tensorflow-gpu: /),
      expect.stringMatching(/^ {2}skipped tensorflow: /),
      "  not tried cpu: wasm comes first in auto's order",
    ]);
  });

  it('reads MIXED_R1_BACKEND, chooses once, and refuses a different backend later', async () => {
    const module = new BackendSelector();
    const chosen = await module.select(undefined, { env: { MIXED_R1_BACKEND: 'cpu' }, log: () => undefined });
    expect(chosen).toMatchObject({ name: 'cpu', request: 'cpu', skipped: [], untried: [] });
    expect(tf.getBackend()).toBe('cpu');
    await expect(module.select('cpu')).resolves.toBe(chosen);
    await expect(module.select('auto')).resolves.toBe(chosen);
    await expect(module.select('wasm')).rejects.toThrow(
      'tensor backend already chosen: cpu (requested cpu); cannot switch to wasm in the same process',
    );
    await expect(module.chosen()).resolves.toBe(chosen);
  });

  it('an explicit request that cannot run is an error naming the package, not a fallback', async () => {
    const module = new BackendSelector();
    await expect(module.select('tensorflow', { log: () => undefined })).rejects.toThrow(
      /tensor backend "tensorflow" is unavailable: @tensorflow\/tfjs-node is not installed/,
    );
    await expect(module.chosen()).resolves.toBeNull();
  });

  it('an unknown request names the flag', async () => {
    await expect(new BackendSelector().select('metal')).rejects.toThrow('--backend: unknown tensor backend "metal"');
    await expect(new BackendSelector().select(undefined, { env: { MIXED_R1_BACKEND: 'x' } })).rejects.toThrow(/^MIXED_R1_BACKEND: /);
  });
});
