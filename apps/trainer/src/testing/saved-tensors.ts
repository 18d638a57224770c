import { join } from 'node:path';
import { SafetensorsFile } from '@mixed-r1/policy';

/** Every tensor of a saved model folder's model.safetensors, by name. */
export function savedTensors(modelDir: string): Map<string, Float32Array> {
  const file = SafetensorsFile.open(join(modelDir, 'model.safetensors'));
  try {
    return new Map([...file.header.byName.keys()].map((name) => [name, file.readFloat32(name)]));
  } finally {
    file.close();
  }
}

/** Names of the tensors whose values differ between two saved models (of the same layout). */
export function changedTensors(before: Map<string, Float32Array>, after: Map<string, Float32Array>): string[] {
  return [...before.keys()].filter((name) => before.get(name)!.some((v, i) => v !== after.get(name)![i]));
}
