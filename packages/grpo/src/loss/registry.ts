import { dapoLoss } from './loss-types/dapo';
import { drGrpoLoss } from './loss-types/dr-grpo';
import { grpoLoss } from './loss-types/grpo';
import type { LossType, LossTypeName } from './loss-type';

/** Every loss type, by name: the one place they are registered. */
export const LOSS_TYPES: Readonly<Record<LossTypeName, LossType>> = Object.freeze({
  grpo: grpoLoss,
  dapo: dapoLoss,
  dr_grpo: drGrpoLoss,
});

export const LOSS_TYPE_NAMES = Object.freeze(Object.keys(LOSS_TYPES)) as readonly LossTypeName[];

/** A loss type by name; an unknown name throws with the valid names. */
export function lossTypeNamed(name: string): LossType {
  if (!(LOSS_TYPE_NAMES as readonly string[]).includes(name)) {
    throw new Error(`unknown loss type "${name}"; valid loss types: ${LOSS_TYPE_NAMES.join(', ')}`);
  }
  return LOSS_TYPES[name as LossTypeName];
}
