import type { SampleRow } from '@mixed-r1/records';
import type { ImageInput } from '@mixed-r1/policy';
import type { ImagePreparer } from '../data/image-inputs';
import { sceneOfSample, tokenLabels, type TokenLabels } from './scene-token-labels';

/** One image of a procedural scene and what each of its image tokens shows. */
export interface PerceptionExample {
  readonly sampleId: string;
  readonly image: ImageInput;
  readonly labels: TokenLabels;
}

/** Pixels covered by one image token: 14-px patches merged 2x2 (Qwen2.5-VL). */
export function tokenCell(patchSize: number, spatialMergeSize: number): number {
  return patchSize * spatialMergeSize;
}

/** The samples that carry a scene (yes/no, multiple choice, grounding and open-ended procedural samples). */
export function scenesOnly(samples: readonly SampleRow[]): SampleRow[] {
  return samples.filter((sample) => sceneOfSample(sample) !== null);
}

/** A scene sample's image, preprocessed as the policy takes it, with its token labels. */
export async function perceptionExample(sample: SampleRow, images: ImagePreparer, cell: number): Promise<PerceptionExample> {
  const scene = sceneOfSample(sample);
  if (!scene) throw new Error(`sample "${sample.id}": no scene in its metadata, so no perception labels`);
  const prepared = await images.prepare(sample);
  return { sampleId: sample.id, image: prepared.input, labels: tokenLabels(scene, prepared.inputSize, cell) };
}
