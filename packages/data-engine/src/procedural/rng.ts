// A seedable, splittable pseudo-random generator for the procedural generators.
//
// Each sample draws from its own stream, keyed by (seed, generator name, index), so sample i never
// depends on the samples before it: samples can be generated in any order, in parallel, and the
// same key always gives the same numbers on every machine (32-bit integer arithmetic only).
// Streams split by label (`derive`), so the scene and the question of a sample draw independently.
//
// Generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, PractRand's `sfc32`),
// keyed through MurmurHash3's 32-bit finaliser (`fmix32`, Austin Appleby's MurmurHash3.cpp).

const TWO_POW_32 = 4294967296;
const WARM_UP_ROUNDS = 12;

/** MurmurHash3's 32-bit finaliser: a bijective avalanche of one word. */
function fmix32(word: number): number {
  let h = word >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over the UTF-16 code units of a text, finalised. */
function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** Folds words into one 32-bit hash (MurmurHash3's block step), starting from `salt`. */
function hashWords(words: readonly number[], salt: number): number {
  let h = salt >>> 0;
  for (const word of words) {
    let k = Math.imul(word >>> 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) >>> 0;
  }
  return fmix32(h ^ words.length);
}

/** The low and high 32-bit words of a non-negative safe integer. */
function splitSafeInteger(value: number): [number, number] {
  return [value >>> 0, Math.floor(value / TWO_POW_32) >>> 0];
}

function assertKeyPart(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new TypeError(`Rng: ${what} must be a whole number in [0, 2^53), found ${value}`);
  }
}

const STATE_SALTS = [0x9e3779b9, 0x7f4a7c15, 0xbb67ae85, 0x3c6ef372] as const;

/** A stream of pseudo-random numbers, fully determined by its key words. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  private constructor(private readonly key: readonly number[]) {
    [this.a, this.b, this.c, this.d] = STATE_SALTS.map((salt) => hashWords(key, salt));
    for (let i = 0; i < WARM_UP_ROUNDS; i++) this.nextUint32();
  }

  /** The stream of one sample: keyed by the run's seed, the generator's name and the sample index. */
  static forSample(seed: number, stream: string, index: number): Rng {
    assertKeyPart(seed, 'seed');
    assertKeyPart(index, 'index');
    return new Rng([...splitSafeInteger(seed), hashText(stream), ...splitSafeInteger(index)]);
  }

  /** An independent child stream named by `label`; it does not depend on what was drawn so far. */
  derive(label: string): Rng {
    return new Rng([...this.key, hashText(label)]);
  }

  /** The next 32-bit unsigned integer (sfc32 step). */
  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** A float in [0, 1) with 32 random bits. */
  float(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  /** A whole number in [min, max], both included. */
  int(min: number, max: number): number {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max < min) {
      throw new RangeError(`Rng.int: expected whole numbers min <= max, found [${min}, ${max}]`);
    }
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** One item, uniformly. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Rng.pick: cannot pick from an empty list');
    return items[this.int(0, items.length - 1)];
  }

  /** A shuffled copy (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  /** `count` distinct items in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    if (count > items.length) {
      throw new RangeError(`Rng.sample: cannot draw ${count} distinct items from ${items.length}`);
    }
    return this.shuffle(items).slice(0, count);
  }
}
