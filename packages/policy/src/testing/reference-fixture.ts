import fs from 'node:fs';
import path from 'node:path';
import type { ImageInput } from '../model/image-input';
import { SafetensorsFile } from '../weights/safetensors-file';

/**
 * The reference fixture: a small random checkpoint (tools/policy-reference/make-reference-fixture.ts)
 * with logits dumped by the PyTorch reference (tools/policy-reference/dump_logits.py).
 */
export const REFERENCE_MODEL_DIR = path.join(__dirname, 'fixtures', 'reference-model');

export interface ReferenceCase {
  readonly name: string;
  readonly tokenIds: number[];
  readonly images: ImageInput[];
  /** The PyTorch reference's logits, [tokenIds.length, vocab] row-major. */
  readonly logits: Float32Array;
}

interface CaseJson {
  name: string;
  token_ids: number[];
  images: { rows: string; grid: [number, number, number] }[];
}

export function referenceCases(): ReferenceCase[] {
  const { cases } = JSON.parse(fs.readFileSync(path.join(REFERENCE_MODEL_DIR, 'reference-inputs.json'), 'utf8')) as { cases: CaseJson[] };
  const rows = SafetensorsFile.open(path.join(REFERENCE_MODEL_DIR, 'reference-inputs.safetensors'));
  const logits = SafetensorsFile.open(path.join(REFERENCE_MODEL_DIR, 'reference-logits.safetensors'));
  try {
    return cases.map((c) => ({
      name: c.name,
      tokenIds: c.token_ids,
      images: c.images.map((im) => ({ rows: rows.readFloat32(im.rows), grid: { t: im.grid[0], h: im.grid[1], w: im.grid[2] } })),
      logits: logits.readFloat32(c.name),
    }));
  } finally {
    rows.close();
    logits.close();
  }
}
