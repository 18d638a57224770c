/**
 * xoshiro128** (Blackman and Vigna, https://prng.di.unimi.it/xoshiro128starstar.c): a fast 32-bit
 * generator with 128 bits of state, seeded through splitmix32. Its whole state is four uint32s, so
 * a run can save it in a checkpoint and resume the exact same draws.
 */
export type RngState = readonly [number, number, number, number];

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;

export class Rng {
  private s: Uint32Array;
  /** A second normal from the last Box-Muller pair, or null. */
  private spareNormal: number | null = null;

  private constructor(state: RngState) {
    if (state.every((v) => v === 0)) throw new RangeError('Rng: the all-zero state is not allowed');
    this.s = Uint32Array.from(state);
  }

  /** A generator seeded from a whole number (any safe integer; equal seeds give equal draws). */
  static fromSeed(seed: number): Rng {
    if (!Number.isSafeInteger(seed)) throw new RangeError(`Rng: seed must be a whole number, found ${seed}`);
    const next = splitmix32((seed >>> 0) ^ Math.floor(seed / 2 ** 32));
    return new Rng([next(), next(), next(), next()]);
  }

  /** A generator continuing from a state returned by `state()`. */
  static fromState(state: readonly number[]): Rng {
    if (state.length !== 4 || !state.every((v) => Number.isInteger(v) && v >= 0 && v < 2 ** 32)) {
      throw new RangeError(`Rng: a state is four uint32 values, found ${JSON.stringify(state)}`);
    }
    return new Rng(state as unknown as RngState);
  }

  /** The current state (the spare Box-Muller normal, if any, is dropped: see nextNormal). */
  state(): RngState {
    return [this.s[0], this.s[1], this.s[2], this.s[3]];
  }

  nextUint32(): number {
    const s = this.s;
    const result = Math.imul(rotl(Math.imul(s[1], 5) >>> 0, 7), 9) >>> 0;
    const t = (s[1] << 9) >>> 0;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  }

  /** A float in [0, 1) with 53 random bits. */
  nextFloat(): number {
    const high = this.nextUint32() >>> 5; // 27 bits
    const low = this.nextUint32() >>> 6; // 26 bits
    return (high * 67108864 + low) / 9007199254740992;
  }

  /**
   * A standard normal draw (Box-Muller on two uniforms). Draws come in pairs; the state saved
   * between the two of a pair resumes at the next pair, so save states between whole uses.
   */
  nextNormal(): number {
    if (this.spareNormal !== null) {
      const spare = this.spareNormal;
      this.spareNormal = null;
      return spare;
    }
    const u = 1 - this.nextFloat(); // (0, 1]
    const v = this.nextFloat();
    const radius = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  }
}
