import * as tf from '@tensorflow/tfjs-core';
import { SafetensorsFile, writeSafetensors } from '@mixed-r1/policy';

/** A head trained beside the policy (not part of its checkpoint): its variables by name. */
export interface AuxiliaryHead {
  readonly variables: ReadonlyMap<string, tf.Variable>;
}

/** The perception head's file in a perception checkpoint (beside the policy's model.safetensors). */
export const PERCEPTION_HEAD_FILE = 'perception_head.safetensors';
/** The localisation head's file in an SFT checkpoint, when `sft.localisationWeight` > 0. */
export const LOCALISATION_HEAD_FILE = 'localisation_head.safetensors';

export function saveAuxiliaryHead(file: string, head: AuxiliaryHead): void {
  writeSafetensors(
    file,
    [...head.variables].map(([name, variable]) => ({ name, shape: variable.shape, values: variable.dataSync() as Float32Array })),
  );
}

/** Loads saved values into the head; every tensor must be there with the head's shape. */
export function loadAuxiliaryHead(file: string, head: AuxiliaryHead): void {
  const saved = SafetensorsFile.open(file);
  try {
    for (const [name, variable] of head.variables) {
      if (!saved.entry(name)) throw new Error(`${file}: no tensor "${name}"; it is not this head's file`);
      const values = saved.readFloat32(name);
      if (values.length !== variable.size) throw new Error(`${file}: "${name}" has ${values.length} values, the head's has ${variable.size}`);
      variable.assign(tf.tensor(values, variable.shape));
    }
  } finally {
    saved.close();
  }
}
