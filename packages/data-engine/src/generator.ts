import type { SampleRow, TaskType } from '@mixed-r1/records';

/**
 * A procedural generator of one task type: renders a real image and gives its exact ground truth
 * and a short worked solution. Deterministic: the same (seed, index) gives the same bytes.
 */
export interface ProceduralGenerator {
  readonly name: string;
  readonly task: TaskType;
  /** A drill outside Mixed-45K (a curriculum step): "all" leaves it out; a build runs it only when named. */
  readonly drill?: boolean;
  generate(seed: number, index: number): Promise<SampleRow>;
}
