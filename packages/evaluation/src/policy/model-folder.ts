import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

// What a model folder must hold for evaluation: a Hugging Face checkpoint (config.json, the weights
// as model.safetensors or a sharded model.safetensors.index.json, and tokenizer.json).

export const MODEL_CONFIG_FILE = 'config.json';
export const MODEL_WEIGHTS_FILE = 'model.safetensors';
export const MODEL_WEIGHTS_INDEX_FILE = 'model.safetensors.index.json';
export const MODEL_TOKENIZER_FILE = 'tokenizer.json';
export const PREPROCESSOR_CONFIG_FILE = 'preprocessor_config.json';

/** A model folder that cannot be evaluated: names every missing file. */
export class ModelFolderError extends Error {
  constructor(
    readonly dir: string,
    readonly missing: readonly string[],
    detail?: string,
  ) {
    super(
      detail ??
        `--model ${dir} is incomplete: missing ${missing.join(', ')}. A model folder needs ${MODEL_CONFIG_FILE}, ${MODEL_WEIGHTS_FILE} (or ${MODEL_WEIGHTS_INDEX_FILE} with its shards) and ${MODEL_TOKENIZER_FILE}, as a Hugging Face checkpoint has them.`,
    );
    this.name = 'ModelFolderError';
  }
}

const isFile = (file: string) => existsSync(file) && statSync(file).isFile();

/** The shard files an index names that are not in the folder (an unreadable index is an error). */
function missingShards(dir: string): string[] {
  const indexFile = path.join(dir, MODEL_WEIGHTS_INDEX_FILE);
  let weightMap: unknown;
  try {
    weightMap = (JSON.parse(readFileSync(indexFile, 'utf8')) as { weight_map?: unknown }).weight_map;
  } catch (error) {
    throw new ModelFolderError(dir, [], `--model ${dir}: ${MODEL_WEIGHTS_INDEX_FILE} cannot be read (${(error as Error).message})`);
  }
  if (!weightMap || typeof weightMap !== 'object') throw new ModelFolderError(dir, [], `--model ${dir}: ${MODEL_WEIGHTS_INDEX_FILE} has no "weight_map" object`);
  const shards = [...new Set(Object.values(weightMap as Record<string, unknown>).map(String))];
  return shards.filter((shard) => !isFile(path.join(dir, shard))).map((shard) => `${shard} (named by ${MODEL_WEIGHTS_INDEX_FILE})`);
}

/** Checks a model folder before anything is loaded; throws a ModelFolderError naming every missing file. */
export function checkModelFolder(dir: string): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ModelFolderError(dir, [], `--model ${dir}: no such folder; give a Hugging Face checkpoint folder`);
  const missing: string[] = [];
  if (!isFile(path.join(dir, MODEL_CONFIG_FILE))) missing.push(MODEL_CONFIG_FILE);
  if (isFile(path.join(dir, MODEL_WEIGHTS_FILE))) {
    // a single weights file
  } else if (isFile(path.join(dir, MODEL_WEIGHTS_INDEX_FILE))) {
    missing.push(...missingShards(dir));
  } else {
    missing.push(`${MODEL_WEIGHTS_FILE} or ${MODEL_WEIGHTS_INDEX_FILE}`);
  }
  if (!isFile(path.join(dir, MODEL_TOKENIZER_FILE))) missing.push(MODEL_TOKENIZER_FILE);
  if (missing.length > 0) throw new ModelFolderError(dir, missing);
}

/** The image-size bounds of a folder's `preprocessor_config.json` (HF's min_pixels / max_pixels), when present. */
export function readPixelBounds(dir: string): { minPixels?: number; maxPixels?: number } {
  const file = path.join(dir, PREPROCESSOR_CONFIG_FILE);
  if (!isFile(file)) return {};
  let config: Record<string, unknown>;
  try {
    config = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const bound = (key: string) => {
    const value = config[key] ?? (config.size as Record<string, unknown> | undefined)?.[key === 'min_pixels' ? 'shortest_edge' : 'longest_edge'];
    if (value === undefined) return undefined;
    if (!Number.isInteger(value) || (value as number) < 1) throw new Error(`${file}: "${key}" must be a whole number of pixels >= 1, found ${JSON.stringify(value)}`);
    return value as number;
  };
  const minPixels = bound('min_pixels');
  const maxPixels = bound('max_pixels');
  return { ...(minPixels === undefined ? {} : { minPixels }), ...(maxPixels === undefined ? {} : { maxPixels }) };
}
