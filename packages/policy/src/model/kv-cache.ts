import * as tf from '@tensorflow/tfjs-core';

/** Keys (after rotary) and values of one decoder layer: [batch, kvHeads, length, headDim]. */
export interface LayerCache {
  readonly k: tf.Tensor4D;
  readonly v: tf.Tensor4D;
}

/**
 * The decoder's key/value cache after some tokens: one entry per layer, `length` tokens, and the
 * M-RoPE position the next token takes (prompt positions are not token counts once images are in).
 */
export interface KVCache {
  readonly layers: readonly LayerCache[];
  readonly length: number;
  readonly nextPosition: number;
}

/** The cache repeated `times` along the batch (a prompt encoded once, then G completions). */
export function repeatCache(cache: KVCache, times: number): KVCache {
  if (times === 1) return cache;
  return {
    ...cache,
    layers: cache.layers.map(({ k, v }) => ({ k: tf.tile(k, [times, 1, 1, 1]) as tf.Tensor4D, v: tf.tile(v, [times, 1, 1, 1]) as tf.Tensor4D })),
  };
}

/** Rows `rows` of the batch (drops finished sequences during generation). */
export function selectCacheRows(cache: KVCache, rows: readonly number[]): KVCache {
  const index = tf.tensor1d(rows as number[], 'int32');
  const layers = cache.layers.map(({ k, v }) => ({ k: tf.gather(k, index) as tf.Tensor4D, v: tf.gather(v, index) as tf.Tensor4D }));
  index.dispose();
  return { ...cache, layers };
}

export function disposeCache(cache: KVCache | null): void {
  cache?.layers.forEach(({ k, v }) => tf.dispose([k, v]));
}

/** Keeps the cache's tensors past the enclosing tf.tidy. */
export function keepCache(cache: KVCache): KVCache {
  cache.layers.forEach(({ k, v }) => {
    tf.keep(k);
    tf.keep(v);
  });
  return cache;
}

/** Runs `make` in a tf.tidy and keeps only the cache it returns (everything else is freed). */
export function tidyCache(make: () => KVCache): KVCache {
  let cache: KVCache | undefined;
  tf.tidy(() => {
    cache = keepCache(make());
  });
  return cache as KVCache;
}
