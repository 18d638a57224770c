import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { toHfConfigJson } from './config-json';
import { parseQwen25VLConfig, readQwen25VLConfig } from './parse-config';
import { TINY_TOKEN_IDS, tinyConfig } from './tiny-config';

const FIXTURES = path.join(__dirname, '..', 'testing', 'fixtures');
const original = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'qwen2.5-vl-3b-config.json'), 'utf8')) as Record<string, unknown>;

/** One change to the config: a dotted path and its new value (undefined deletes the field). */
type Edit = [string, unknown];

/** A deep copy of the 3B config with `edits` applied. */
function edited(...edits: Edit[]): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(original)) as Record<string, unknown>;
  for (const [dotted, value] of edits) {
    const keys = dotted.split('.');
    const parent = keys.slice(0, -1).reduce((node, key) => node[key] as Record<string, unknown>, copy);
    const last = keys[keys.length - 1];
    if (value === undefined) delete parent[last];
    else parent[last] = value;
  }
  return copy;
}

describe('parseQwen25VLConfig', () => {
  it('reads the Qwen2.5-VL-3B config.json (original layout)', () => {
    const config = readQwen25VLConfig(path.join(FIXTURES, 'qwen2.5-vl-3b-config.json'));
    expect(config.text).toEqual({
      vocabSize: 151936,
      hiddenSize: 2048,
      intermediateSize: 11008,
      numHiddenLayers: 36,
      numAttentionHeads: 16,
      numKeyValueHeads: 2,
      headDim: 128,
      rmsNormEps: 1e-6,
      ropeTheta: 1e6,
      mropeSection: [16, 24, 24],
      maxPositionEmbeddings: 128000,
      tieWordEmbeddings: true,
    });
    expect(config.vision).toEqual({
      depth: 32,
      hiddenSize: 1280,
      intermediateSize: 3420,
      numHeads: 16,
      headDim: 80,
      patchSize: 14,
      temporalPatchSize: 2,
      spatialMergeSize: 2,
      inChannels: 3,
      windowSize: 112,
      fullattBlockIndexes: [7, 15, 23, 31],
      outHiddenSize: 2048,
      tokensPerSecond: 2,
      patchRowLength: 1176,
    });
    expect(config.tokens).toEqual({
      imageTokenId: 151655,
      videoTokenId: 151656,
      visionStartTokenId: 151652,
      visionEndTokenId: 151653,
      bosTokenId: 151643,
      eosTokenIds: [151645],
    });
    expect(Object.isFrozen(config.text.mropeSection)).toBe(true);
  });

  it('reads the newer layout (text_config, rope_type "default", in_channels) to the same config', () => {
    const nested = readQwen25VLConfig(path.join(FIXTURES, 'qwen2.5-vl-3b-config-nested.json'));
    expect(nested).toEqual(parseQwen25VLConfig(original));
  });

  it('round-trips through toHfConfigJson', () => {
    const config = parseQwen25VLConfig(original);
    expect(parseQwen25VLConfig(toHfConfigJson(config))).toEqual(config);
    expect(parseQwen25VLConfig(toHfConfigJson(tinyConfig()))).toEqual(tinyConfig());
  });

  it('derives the vision MLP width when absent at HF default width, and reads a folder', () => {
    const config = parseQwen25VLConfig(edited(['vision_config.intermediate_size', undefined]));
    expect(config.vision.intermediateSize).toBe(3420);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-config-'));
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(original));
    expect(readQwen25VLConfig(dir).text.hiddenSize).toBe(2048);
    fs.rmSync(dir, { recursive: true });
  });

  it.each<[string, Edit[], string]>([
    ['model_type', [['model_type', 'qwen2_vl']], 'config.json: model_type must be one of "qwen2_5_vl" (the only supported values), found "qwen2_vl"'],
    ['hidden_act', [['hidden_act', 'gelu']], 'config.json: hidden_act must be one of "silu"'],
    ['rope type', [['rope_scaling', { type: 'yarn', factor: 4 }]], 'config.json: rope_scaling.type must be one of "mrope", "default"'],
    ['mrope sum', [['rope_scaling.mrope_section', [16, 24, 16]]], 'config.json: rope_scaling.mrope_section must be sizes summing to head_dim / 2 = 64, found [16,24,16]'],
    ['no rope_scaling', [['rope_scaling', undefined]], 'config.json: rope_scaling must be an object, found nothing (the field is missing)'],
    ['sliding window', [['use_sliding_window', true]], 'config.json: use_sliding_window must be false (sliding-window attention is not supported), found true'],
    ['kv heads', [['num_key_value_heads', 3]], 'config.json: num_key_value_heads must be a divisor of num_attention_heads (16), found 3'],
    ['hidden size', [['hidden_size', 2047]], 'config.json: hidden_size must be an even multiple of num_attention_heads (16), found 2047'],
    ['layers', [['num_hidden_layers', 0]], 'config.json: num_hidden_layers must be a positive whole number, found 0'],
    ['vision act', [['vision_config.hidden_act', 'quick_gelu']], 'config.json: vision_config.hidden_act must be one of "silu"'],
    ['vision heads', [['vision_config.num_heads', 128]], 'config.json: vision_config.hidden_size must be num_heads (128) times a multiple of 4, found 1280'],
    ['window', [['vision_config.window_size', 100]], 'config.json: vision_config.window_size must be a multiple of patch_size * spatial_merge_size = 28, found 100'],
    ['fullatt', [['vision_config.fullatt_block_indexes', [7, 32]]], 'config.json: vision_config.fullatt_block_indexes must be block indexes below depth (32), found [7,32]'],
    ['out hidden', [['vision_config.out_hidden_size', 1024]], 'config.json: vision_config.out_hidden_size must be the text hidden_size (2048), found 1024'],
    [
      'vision mlp',
      [
        ['vision_config.hidden_size', 640],
        ['vision_config.intermediate_size', undefined],
      ],
      'config.json: vision_config.intermediate_size must be a positive whole number, found nothing (the field is missing)',
    ],
    ['image token', [['image_token_id', 200000]], 'config.json: image_token_id must be a token id below vocab_size (151936), found 200000'],
    ['no vision', [['vision_config', undefined]], 'config.json: vision_config must be an object'],
  ])('an unsupported or invalid %s is an error naming the field', (_name, edits, message) => {
    expect(() => parseQwen25VLConfig(edited(...edits))).toThrow(message);
  });

  it('names the file when reading fails', () => {
    expect(() => readQwen25VLConfig('/nonexistent/config.json')).toThrow('/nonexistent/config.json: cannot read the model config (ENOENT)');
  });
});

describe('tinyConfig', () => {
  it('is the documented small shape, special ids at the end of a 960-token vocabulary', () => {
    const config = tinyConfig();
    expect(config.text).toMatchObject({ hiddenSize: 128, numHiddenLayers: 4, numAttentionHeads: 4, numKeyValueHeads: 2, headDim: 32, vocabSize: 960 });
    expect(config.vision).toMatchObject({ hiddenSize: 64, depth: 2, headDim: 16, windowSize: 56, fullattBlockIndexes: [1], outHiddenSize: 128 });
    expect(config.tokens).toEqual({
      imageTokenId: TINY_TOKEN_IDS.imagePad,
      videoTokenId: null,
      visionStartTokenId: TINY_TOKEN_IDS.visionStart,
      visionEndTokenId: TINY_TOKEN_IDS.visionEnd,
      bosTokenId: TINY_TOKEN_IDS.endoftext,
      eosTokenIds: [TINY_TOKEN_IDS.imEnd, TINY_TOKEN_IDS.endoftext],
    });
  });
});
