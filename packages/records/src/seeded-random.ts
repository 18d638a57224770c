/**
 * mulberry32 (Tommy Ettinger, 2017): a small, fast, seeded generator of floats in [0, 1), with
 * 32-bit integer arithmetic only, so a seed gives the same sequence on every machine. For
 * reproducible record orders (the data engine's quotas and shuffle), fixtures and benchmarks; not
 * for cryptography, and not the trainer's sampling RNG (which saves and restores its state).
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
