import fs from 'node:fs';
import { ConfigError } from './config-error';
import { FieldReader, isObject } from './json-fields';
import type { Qwen25VLConfig, SpecialTokenIds, TextConfig, VisionConfig } from './qwen2-5-vl-config';

/** HF's Qwen2_5_VLVisionConfig default MLP width, taken when the field is absent at its default width. */
const HF_DEFAULT_VISION = { hiddenSize: 1280, intermediateSize: 3420 };

function check(ok: boolean, source: string, field: string, expected: string, found: unknown): void {
  if (!ok) throw new ConfigError(source, field, expected, found);
}

/**
 * rope_scaling: {type | rope_type: "mrope" | "default", mrope_section: [t, h, w]} (transformers
 * rewrites "mrope" to "default" and keeps mrope_section). Other scalings are not supported.
 */
function readMropeSection(text: FieldReader, headDim: number): [number, number, number] {
  const rope = text.child('rope_scaling');
  const kind = rope.has('rope_type') ? 'rope_type' : 'type';
  rope.oneOf(kind, ['mrope', 'default']);
  const section = rope.intList('mrope_section');
  check(section.length === 3, text.source, rope.path('mrope_section'), 'three sizes [temporal, height, width]', section);
  const total = section[0] + section[1] + section[2];
  check(total * 2 === headDim, text.source, rope.path('mrope_section'), `sizes summing to head_dim / 2 = ${headDim / 2}`, section);
  return section as [number, number, number];
}

function readText(text: FieldReader): TextConfig {
  text.oneOf('hidden_act', ['silu'], 'silu');
  if (text.has('use_sliding_window') && text.json.use_sliding_window !== false) {
    text.fail('use_sliding_window', 'false (sliding-window attention is not supported)');
  }
  const hiddenSize = text.positiveInt('hidden_size');
  const numAttentionHeads = text.positiveInt('num_attention_heads');
  const numKeyValueHeads = text.positiveInt('num_key_value_heads', numAttentionHeads);
  const headDim = hiddenSize / numAttentionHeads;
  check(Number.isInteger(headDim) && headDim % 2 === 0, text.source, text.path('hidden_size'), `an even multiple of num_attention_heads (${numAttentionHeads})`, hiddenSize);
  if (text.has('head_dim')) check(text.json.head_dim === headDim, text.source, text.path('head_dim'), `hidden_size / num_attention_heads = ${headDim}`, text.json.head_dim);
  check(numAttentionHeads % numKeyValueHeads === 0, text.source, text.path('num_key_value_heads'), `a divisor of num_attention_heads (${numAttentionHeads})`, numKeyValueHeads);
  return {
    vocabSize: text.positiveInt('vocab_size'),
    hiddenSize,
    intermediateSize: text.positiveInt('intermediate_size'),
    numHiddenLayers: text.positiveInt('num_hidden_layers'),
    numAttentionHeads,
    numKeyValueHeads,
    headDim,
    rmsNormEps: text.positiveNumber('rms_norm_eps', 1e-6),
    ropeTheta: text.positiveNumber('rope_theta', 1_000_000),
    mropeSection: readMropeSection(text, headDim),
    maxPositionEmbeddings: text.positiveInt('max_position_embeddings', 128_000),
    tieWordEmbeddings: text.boolean('tie_word_embeddings', false),
  };
}

function readVision(vision: FieldReader, textHidden: number): VisionConfig {
  vision.oneOf('hidden_act', ['silu'], 'silu');
  const hiddenSize = vision.positiveInt('hidden_size', vision.json.embed_dim as number | undefined);
  const numHeads = vision.positiveInt('num_heads');
  const headDim = hiddenSize / numHeads;
  const where = vision.source;
  // The 2D rotary table gives head_dim / 4 frequencies to each of height and width.
  check(Number.isInteger(headDim) && headDim % 4 === 0, where, vision.path('hidden_size'), `num_heads (${numHeads}) times a multiple of 4`, hiddenSize);
  const intermediateFallback = hiddenSize === HF_DEFAULT_VISION.hiddenSize ? HF_DEFAULT_VISION.intermediateSize : undefined;
  const patchSize = vision.positiveInt('patch_size', vision.json.spatial_patch_size as number | undefined);
  const spatialMergeSize = vision.positiveInt('spatial_merge_size', 2);
  const temporalPatchSize = vision.positiveInt('temporal_patch_size', 2);
  const inChannels = vision.positiveInt('in_chans', (vision.json.in_channels as number | undefined) ?? 3);
  const windowSize = vision.positiveInt('window_size');
  const unit = patchSize * spatialMergeSize;
  check(windowSize % unit === 0, where, vision.path('window_size'), `a multiple of patch_size * spatial_merge_size = ${unit}`, windowSize);
  const depth = vision.positiveInt('depth');
  const fullattBlockIndexes = vision.intList('fullatt_block_indexes', []);
  check(fullattBlockIndexes.every((i) => i < depth), where, vision.path('fullatt_block_indexes'), `block indexes below depth (${depth})`, fullattBlockIndexes);
  const outHiddenSize = vision.positiveInt('out_hidden_size', textHidden);
  check(outHiddenSize === textHidden, where, vision.path('out_hidden_size'), `the text hidden_size (${textHidden})`, outHiddenSize);
  return {
    depth,
    hiddenSize,
    intermediateSize: vision.positiveInt('intermediate_size', intermediateFallback),
    numHeads,
    headDim,
    patchSize,
    temporalPatchSize,
    spatialMergeSize,
    inChannels,
    windowSize,
    fullattBlockIndexes,
    outHiddenSize,
    tokensPerSecond: vision.positiveNumber('tokens_per_second', 2),
    patchRowLength: inChannels * temporalPatchSize * patchSize * patchSize,
  };
}

/** Special token ids: top level first, then text_config (newer transformers nest them). */
function readTokens(top: FieldReader, text: FieldReader, vocabSize: number): SpecialTokenIds {
  const pick = (name: string): FieldReader => (top.has(name) ? top : text);
  const id = (name: string): number => {
    const reader = pick(name);
    const value = reader.nonNegativeInt(name);
    check(value < vocabSize, reader.source, reader.path(name), `a token id below vocab_size (${vocabSize})`, value);
    return value;
  };
  const optional = (name: string): number | null => (pick(name).has(name) ? id(name) : null);
  return {
    imageTokenId: id('image_token_id'),
    videoTokenId: optional('video_token_id'),
    visionStartTokenId: id('vision_start_token_id'),
    visionEndTokenId: id('vision_end_token_id'),
    bosTokenId: optional('bos_token_id'),
    eosTokenIds: pick('eos_token_id').idList('eos_token_id'),
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/**
 * Parses a Hugging Face Qwen2.5-VL `config.json` (original layout with the text fields at the top,
 * or the newer one with `text_config`). Fields that change the computation and are not supported
 * (another model_type, activation, rope scaling, sliding window) are errors naming the field.
 */
export function parseQwen25VLConfig(json: unknown, source = 'config.json'): Qwen25VLConfig {
  if (!isObject(json)) throw new ConfigError(source, '(root)', 'a JSON object', json);
  const top = new FieldReader(source, json);
  top.oneOf('model_type', ['qwen2_5_vl'], 'qwen2_5_vl');
  const text = top.has('text_config') ? top.child('text_config') : top;
  const textConfig = readText(text);
  const config: Qwen25VLConfig = {
    text: textConfig,
    vision: readVision(top.child('vision_config'), textConfig.hiddenSize),
    tokens: readTokens(top, text, textConfig.vocabSize),
  };
  return deepFreeze(config);
}

/** Reads and parses `config.json` (a file, or a folder holding one). */
export function readQwen25VLConfig(location: string): Qwen25VLConfig {
  const file = fs.existsSync(location) && fs.statSync(location).isDirectory() ? `${location.replace(/\/$/, '')}/config.json` : location;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${file}: cannot read the model config (${(error as NodeJS.ErrnoException).code})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
  return parseQwen25VLConfig(json, file);
}
