import fs from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import type { Qwen25VLConfig } from '../config/qwen2-5-vl-config';
import { parameterSpecs } from '../model/parameter-specs';
import { PolicyParameters } from '../model/parameters';
import { SafetensorsFile } from './safetensors-file';
import { isIgnorable, toOriginalName } from './tensor-names';

export const SINGLE_FILE = 'model.safetensors';
export const INDEX_FILE = 'model.safetensors.index.json';

/** The safetensors files of a checkpoint folder: model.safetensors, or the shards its index names. */
export function checkpointFiles(dir: string): string[] {
  if (fs.existsSync(path.join(dir, SINGLE_FILE))) return [path.join(dir, SINGLE_FILE)];
  const indexFile = path.join(dir, INDEX_FILE);
  if (!fs.existsSync(indexFile)) throw new Error(`${dir}: no ${SINGLE_FILE} and no ${INDEX_FILE}; is this a Hugging Face checkpoint folder?`);
  let weightMap: unknown;
  try {
    weightMap = (JSON.parse(fs.readFileSync(indexFile, 'utf8')) as { weight_map?: unknown }).weight_map;
  } catch (error) {
    throw new Error(`${indexFile}: cannot read the index (${(error as Error).message})`);
  }
  if (typeof weightMap !== 'object' || weightMap === null || Array.isArray(weightMap)) {
    throw new Error(`${indexFile}: expected a "weight_map" object of tensor name -> shard file`);
  }
  const shards = new Set<string>();
  for (const [name, shard] of Object.entries(weightMap as Record<string, unknown>)) {
    if (typeof shard !== 'string' || shard.includes('/') || shard.includes('\\')) {
      throw new Error(`${indexFile}: weight_map["${name}"] is ${JSON.stringify(shard)}, expected a file name in the folder`);
    }
    shards.add(shard);
  }
  return [...shards].sort().map((shard) => path.join(dir, shard));
}

/**
 * Reads the parameters of `config` from safetensors files (either name layout; F32/F16/BF16 to
 * float32). Every parameter must be present once with its shape; a tensor that is not a parameter
 * (other than ignorable buffers) is an error too. Errors name the tensor and the file.
 */
export function loadParameters(config: Qwen25VLConfig, files: readonly string[], options: { trainable?: boolean } = {}): PolicyParameters {
  const opened = files.map((f) => SafetensorsFile.open(f));
  const tensors = new Map<string, tf.Tensor>();
  try {
    const where = new Map<string, { file: SafetensorsFile; stored: string }>();
    for (const file of opened) {
      for (const stored of file.header.byName.keys()) {
        const name = toOriginalName(stored);
        if (isIgnorable(name, config.text.tieWordEmbeddings)) continue;
        const seen = where.get(name);
        if (seen) throw new Error(`tensor "${name}" is in both ${seen.file.file} ("${seen.stored}") and ${file.file} ("${stored}")`);
        where.set(name, { file, stored });
      }
    }
    const specs = parameterSpecs(config);
    const known = new Set(specs.map((s) => s.name));
    const unknown = [...where.entries()].filter(([name]) => !known.has(name));
    if (unknown.length > 0) {
      const [name, { file, stored }] = unknown[0];
      throw new Error(`${file.file}: tensor "${stored}" is not a parameter of this config (${unknown.length} such tensors; name ${name})`);
    }
    for (const spec of specs) {
      const found = where.get(spec.name);
      if (!found) throw new Error(`${files.join(', ')}: missing tensor "${spec.name}" (shape [${spec.shape.join(', ')}]) required by the config`);
      const entry = found.file.entry(found.stored) as NonNullable<ReturnType<SafetensorsFile['entry']>>;
      if (entry.shape.length !== spec.shape.length || entry.shape.some((d, i) => d !== spec.shape[i])) {
        throw new Error(`${found.file.file}: tensor "${found.stored}" has shape [${entry.shape.join(', ')}], the config needs [${spec.shape.join(', ')}]`);
      }
      tensors.set(spec.name, tf.tensor(found.file.readFloat32(found.stored), spec.shape as number[]));
    }
    return PolicyParameters.fromTensors(config, tensors, { trainable: options.trainable });
  } finally {
    opened.forEach((f) => f.close());
    tensors.forEach((t) => t.dispose());
  }
}
