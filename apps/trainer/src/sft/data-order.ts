import { Rng } from '@mixed-r1/policy';

/**
 * The training order: epoch e visits the samples in a permutation seeded by (seed, e), so the
 * batch of any step follows from the step alone (resume needs no saved cursor).
 */
export class DataOrder {
  private epoch = -1;
  private permutation: number[] = [];

  constructor(
    private readonly size: number,
    private readonly seed: number,
  ) {
    if (size < 1) throw new Error('no training samples: check data.dir and data.tasks');
  }

  private permutationOf(epoch: number): number[] {
    if (epoch !== this.epoch) {
      const rng = Rng.fromSeed(this.seed * 1_000_003 + epoch);
      const order = Array.from({ length: this.size }, (_, i) => i);
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rng.nextFloat() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      this.epoch = epoch;
      this.permutation = order;
    }
    return this.permutation;
  }

  /** Indices of the samples of batch `step` (0-based), `batchSize` of them. */
  batch(step: number, batchSize: number): number[] {
    return Array.from({ length: batchSize }, (_, k) => {
      const position = step * batchSize + k;
      return this.permutationOf(Math.floor(position / this.size))[position % this.size];
    });
  }
}
