import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import path from 'node:path';

/** One weight file of a model folder: its name, size and SHA-256. */
export interface WeightFileFingerprint {
  readonly file: string;
  readonly bytes: number;
  readonly sha256: string;
}

const CHUNK = 1 << 22;

function sha256Of(file: string): string {
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(CHUNK);
  const fd = openSync(file, 'r');
  try {
    for (let read = readSync(fd, buffer, 0, CHUNK, null); read > 0; read = readSync(fd, buffer, 0, CHUNK, null)) hash.update(buffer.subarray(0, read));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * The weights a model folder holds: every `*.safetensors` file in it, by name, with its size and
 * SHA-256 (streamed, a few seconds a gigabyte). Predictions resumed from a folder must come from
 * the same weights, not only the same path: a model retrained or copied over keeps its path.
 */
export function modelWeightsFingerprint(modelDir: string): WeightFileFingerprint[] {
  if (!existsSync(modelDir) || !statSync(modelDir).isDirectory()) return [];
  return readdirSync(modelDir)
    .filter((name) => name.endsWith('.safetensors'))
    .sort()
    .map((file) => {
      const full = path.join(modelDir, file);
      return { file, bytes: statSync(full).size, sha256: sha256Of(full) };
    });
}
