import fs from 'node:fs';
import path from 'node:path';
import { toHfConfigJson } from '../config/config-json';
import { readQwen25VLConfig } from '../config/parse-config';
import type { Qwen25VLConfig } from '../config/qwen2-5-vl-config';
import type { PolicyParameters } from '../model/parameters';
import { writeFileAtomically } from './atomic-file';
import { checkpointFiles, loadParameters, SINGLE_FILE } from './load-weights';
import { writeSafetensors } from './write-safetensors';

export const CONFIG_FILE = 'config.json';
export const TOKENIZER_FILE = 'tokenizer.json';
export const TOKENIZER_CONFIG_FILE = 'tokenizer_config.json';
export const GENERATION_CONFIG_FILE = 'generation_config.json';

/** A Hugging Face `generation_config.json` (the sampling defaults shipped with a model). */
export type GenerationConfigJson = Record<string, unknown>;

/** generation_config.json from the config's special tokens, sampling at temperature 1. */
export function defaultGenerationConfig(config: Qwen25VLConfig): GenerationConfigJson {
  const { bosTokenId, eosTokenIds } = config.tokens;
  return {
    ...(bosTokenId === null ? {} : { bos_token_id: bosTokenId, pad_token_id: bosTokenId }),
    eos_token_id: eosTokenIds.length === 1 ? eosTokenIds[0] : [...eosTokenIds],
    do_sample: true,
    temperature: 1.0,
    top_p: 1.0,
    top_k: 0,
  };
}

export interface SaveCheckpointOptions {
  /** A tokenizer.json to copy in (with its tokenizer_config.json when one sits beside it). */
  readonly tokenizerFile?: string;
  readonly generationConfig?: GenerationConfigJson;
}

/**
 * Saves a checkpoint folder in Hugging Face layout: config.json (original Qwen2.5-VL layout),
 * model.safetensors (float32, original tensor names), generation_config.json and, when given,
 * tokenizer.json (+ tokenizer_config.json). Each file is written atomically (temp file + rename).
 */
export async function saveCheckpoint(dir: string, params: PolicyParameters, options: SaveCheckpointOptions = {}): Promise<void> {
  const values = await params.values();
  writeSafetensors(
    path.join(dir, SINGLE_FILE),
    params.specs.map((spec) => ({ name: spec.name, shape: spec.shape, values: values.get(spec.name) as Float32Array })),
  );
  writeFileAtomically(path.join(dir, CONFIG_FILE), `${JSON.stringify(toHfConfigJson(params.config), null, 2)}\n`);
  writeFileAtomically(path.join(dir, GENERATION_CONFIG_FILE), `${JSON.stringify(options.generationConfig ?? defaultGenerationConfig(params.config), null, 2)}\n`);
  if (options.tokenizerFile) {
    const source = options.tokenizerFile;
    if (path.resolve(source) !== path.resolve(dir, TOKENIZER_FILE)) {
      writeFileAtomically(path.join(dir, TOKENIZER_FILE), fs.readFileSync(source));
      const tokenizerConfig = path.join(path.dirname(source), TOKENIZER_CONFIG_FILE);
      if (fs.existsSync(tokenizerConfig)) writeFileAtomically(path.join(dir, TOKENIZER_CONFIG_FILE), fs.readFileSync(tokenizerConfig));
    }
  }
}

export interface LoadedCheckpoint {
  readonly dir: string;
  readonly config: Qwen25VLConfig;
  readonly params: PolicyParameters;
  /** tokenizer.json in the folder, or null. */
  readonly tokenizerFile: string | null;
  readonly generationConfig: GenerationConfigJson | null;
}

/**
 * Loads a checkpoint folder: config.json, model.safetensors or the shards of
 * model.safetensors.index.json (either tensor-name layout; F32/F16/BF16), and, when present,
 * tokenizer.json and generation_config.json.
 */
export function loadCheckpoint(dir: string, options: { trainable?: boolean } = {}): LoadedCheckpoint {
  const config = readQwen25VLConfig(path.join(dir, CONFIG_FILE));
  const params = loadParameters(config, checkpointFiles(dir), options);
  const tokenizerFile = path.join(dir, TOKENIZER_FILE);
  const generationFile = path.join(dir, GENERATION_CONFIG_FILE);
  let generationConfig: GenerationConfigJson | null = null;
  if (fs.existsSync(generationFile)) {
    try {
      generationConfig = JSON.parse(fs.readFileSync(generationFile, 'utf8')) as GenerationConfigJson;
    } catch (error) {
      params.dispose();
      throw new Error(`${generationFile}: not valid JSON (${(error as Error).message})`);
    }
  }
  return { dir, config, params, tokenizerFile: fs.existsSync(tokenizerFile) ? tokenizerFile : null, generationConfig };
}
