/**
 * A seeded uniform generator on [0, 1): splitmix32 (the finaliser of Java's SplittableRandom,
 * 32-bit variant). Small, fast and reproducible across platforms: the bootstrap's resamples
 * depend only on the seed.
 */
export function seededUniform(seed: number): () => number {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a whole number, found ${seed}`);
  let state = (seed >>> 0) ^ Math.floor(seed / 2 ** 32);
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return ((z ^ (z >>> 16)) >>> 0) / 2 ** 32;
  };
}

/** A 32-bit FNV-1a hash of a text: derives a stable seed per group ("task=chart") from one run seed. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The seed of one named group under a run seed: the same group gets the same resamples in any run order. */
export function groupSeed(seed: number, key: string): number {
  return (hashText(key) ^ (seed >>> 0)) >>> 0;
}
