/**
 * How BMAS combines its two directional scores, a = mean_i max_j S_ij (each answer token's best
 * reference match) and b = mean_j max_i S_ij (each reference token's best answer match). The
 * paper's exact formula is not public; `mean` is our reading of its name (SPEC.md section 2).
 * The result is clamped to [0, 1] by the caller.
 */
export const BMAS_COMBINATIONS = {
  /** (a + b) / 2. */
  mean: (a: number, b: number): number => (a + b) / 2,
  /** 2ab / (a + b), as an F1 of precision a and recall b; 0 when either is <= 0. */
  harmonic: (a: number, b: number): number => (a <= 0 || b <= 0 ? 0 : (2 * a * b) / (a + b)),
  /** a * b; 0 when either is <= 0 (two negative scores must not make a positive reward). */
  product: (a: number, b: number): number => (a <= 0 || b <= 0 ? 0 : a * b),
} as const;

export type BmasCombination = keyof typeof BMAS_COMBINATIONS;
export const BMAS_COMBINATION_NAMES = Object.keys(BMAS_COMBINATIONS) as BmasCombination[];

/** The combined score clamped to [0, 1]; an unknown name throws with the valid names. */
export function combineDirectional(a: number, b: number, combination: BmasCombination): number {
  if (!Object.hasOwn(BMAS_COMBINATIONS, combination)) {
    throw new Error(`unknown BMAS combination ${JSON.stringify(combination)}; valid: ${BMAS_COMBINATION_NAMES.join(', ')}`);
  }
  return Math.min(1, Math.max(0, BMAS_COMBINATIONS[combination](a, b)));
}
