import * as tf from '@tensorflow/tfjs-core';
import { SafetensorsFile, writeSafetensors } from '@mixed-r1/policy';
import type { PerceptionHead } from './perception-head';

/** The head's file in a perception checkpoint (beside the policy's model.safetensors). */
export const PERCEPTION_HEAD_FILE = 'perception_head.safetensors';

export function savePerceptionHead(file: string, head: PerceptionHead): void {
  writeSafetensors(
    file,
    [...head.variables].map(([name, variable]) => ({ name, shape: variable.shape, values: variable.dataSync() as Float32Array })),
  );
}

/** Loads saved values into the head; every tensor must be there with the head's shape. */
export function loadPerceptionHead(file: string, head: PerceptionHead): void {
  const saved = SafetensorsFile.open(file);
  try {
    for (const [name, variable] of head.variables) {
      if (!saved.entry(name)) throw new Error(`${file}: no tensor "${name}"; it is not a perception head of this trainer`);
      const values = saved.readFloat32(name);
      if (values.length !== variable.size) throw new Error(`${file}: "${name}" has ${values.length} values, the head's has ${variable.size}`);
      variable.assign(tf.tensor(values, variable.shape));
    }
  } finally {
    saved.close();
  }
}
