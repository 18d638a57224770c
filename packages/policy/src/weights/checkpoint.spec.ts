import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '../backend/select-backend';
import { tinyConfig } from '../config/tiny-config';
import { initParameters, type PolicyParameters } from '../model/parameters';
import { promptLogits } from '../model/qwen2-5-vl';
import { Weights } from '../model/weights';
import { bf16Bytes, rawSafetensors } from '../testing/raw-safetensors';
import { REFERENCE_MODEL_DIR } from '../testing/reference-fixture';
import { randomImage, tinyPromptIds } from '../testing/tiny-inputs';
import { loadCheckpoint, saveCheckpoint } from './checkpoint';
import { loadParameters } from './load-weights';
import { SafetensorsFile } from './safetensors-file';

const config = tinyConfig();
let dir: string;
let params: PolicyParameters;

beforeAll(async () => {
  await selectBackend('wasm', { log: () => undefined });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-checkpoint-'));
  params = initParameters(config, { seed: 3 });
});
afterAll(() => {
  params.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

function logitsOf(p: PolicyParameters): Float32Array {
  return tf.tidy(() => promptLogits(Weights.live(p), { tokenIds: tinyPromptIds(6, 9), images: [randomImage(4, 6, 9)] }).dataSync() as Float32Array);
}

/** Every tensor of a checkpoint folder's model.safetensors, by name, with dtype and shape. */
function storedTensors(folder: string) {
  const file = SafetensorsFile.open(path.join(folder, 'model.safetensors'));
  const tensors = [...file.header.tensors.values()].map((t) => ({ ...t, values: file.readFloat32(t.name) }));
  file.close();
  return tensors;
}

describe('checkpoint folders', () => {
  it('save -> load gives identical parameters and outputs', async () => {
    const out = path.join(dir, 'saved');
    await saveCheckpoint(out, params, { tokenizerFile: path.join(REFERENCE_MODEL_DIR, 'config.json') });
    expect(fs.readdirSync(out).sort()).toEqual(['config.json', 'generation_config.json', 'model.safetensors', 'tokenizer.json']);
    const loaded = loadCheckpoint(out);
    expect(loaded.config).toEqual(config);
    expect(loaded.tokenizerFile).toBe(path.join(out, 'tokenizer.json'));
    expect(loaded.generationConfig).toEqual({ bos_token_id: 950, pad_token_id: 950, eos_token_id: [952, 950], do_sample: true, temperature: 1, top_p: 1, top_k: 0 });
    expect(logitsOf(loaded.params)).toEqual(logitsOf(params));
    loaded.params.dispose();
  });

  it('loads the newer tensor names (model.language_model.*, model.visual.*), shards, BF16, and ignores inv_freq', async () => {
    const out = path.join(dir, 'sharded');
    fs.mkdirSync(out);
    const tensors = storedTensors(path.join(dir, 'saved'));
    const renamed = (name: string) => (name.startsWith('visual.') ? `model.${name}` : name.replace(/^model\./, 'model.language_model.'));
    const shards = [tensors.filter((t) => t.name.startsWith('visual.')), tensors.filter((t) => !t.name.startsWith('visual.'))];
    const weightMap: Record<string, string> = {};
    shards.forEach((shard, i) => {
      const file = `model-0000${i + 1}-of-00002.safetensors`;
      // The decoder shard in BF16 (values rounded to BF16 first, so the comparison below is exact).
      const entries = shard.map((t) => ({ name: renamed(t.name), dtype: i === 1 ? 'BF16' : 'F32', shape: [...t.shape], bytes: i === 1 ? bf16Bytes(t.values) : new Uint8Array(t.values.buffer) }));
      if (i === 1) entries.push({ name: 'model.language_model.layers.0.self_attn.rotary_emb.inv_freq', dtype: 'F32', shape: [16], bytes: new Uint8Array(64) });
      rawSafetensors(path.join(out, file), entries);
      entries.forEach((e) => (weightMap[e.name] = file));
    });
    fs.writeFileSync(path.join(out, 'model.safetensors.index.json'), JSON.stringify({ metadata: {}, weight_map: weightMap }));
    fs.copyFileSync(path.join(dir, 'saved', 'config.json'), path.join(out, 'config.json'));
    const loaded = loadCheckpoint(out);
    const q = loaded.params.get('model.layers.2.self_attn.q_proj.weight').dataSync();
    const original = params.get('model.layers.2.self_attn.q_proj.weight').dataSync();
    expect(q[5]).toBe(new Float32Array(new Uint32Array([new Uint32Array(Float32Array.of(original[5]).buffer)[0] & 0xffff0000]).buffer)[0]);
    expect(loaded.params.get('visual.blocks.1.attn.qkv.weight').dataSync()).toEqual(params.get('visual.blocks.1.attn.qkv.weight').dataSync());
    expect(loaded.tokenizerFile).toBeNull();
    loaded.params.dispose();
  });

  it('a missing tensor, a shape mismatch and a foreign tensor are errors naming the tensor and file', () => {
    const tensors = storedTensors(path.join(dir, 'saved'));
    const file = path.join(dir, 'broken.safetensors');
    const asRaw = (list: typeof tensors) => list.map((t) => ({ name: t.name, dtype: 'F32', shape: [...t.shape], bytes: new Uint8Array(t.values.buffer) }));

    rawSafetensors(file, asRaw(tensors.filter((t) => t.name !== 'model.layers.1.mlp.up_proj.weight')));
    expect(() => loadParameters(config, [file])).toThrow(`${file}: missing tensor "model.layers.1.mlp.up_proj.weight" (shape [384, 128]) required by the config`);

    const reshaped = asRaw(tensors).map((t) => (t.name === 'model.norm.weight' ? { ...t, shape: [64, 2] } : t));
    rawSafetensors(file, reshaped);
    expect(() => loadParameters(config, [file])).toThrow(`${file}: tensor "model.norm.weight" has shape [64, 2], the config needs [128]`);

    rawSafetensors(file, [...asRaw(tensors), { name: 'model.layers.9.mlp.up_proj.weight', dtype: 'F32', shape: [1], bytes: new Uint8Array(4) }]);
    expect(() => loadParameters(config, [file])).toThrow(`${file}: tensor "model.layers.9.mlp.up_proj.weight" is not a parameter of this config`);
    expect(tf.memory().numTensors).toBe(params.list().length);
  });

  it('a folder without weights names what it looked for', () => {
    expect(() => loadCheckpoint(REFERENCE_MODEL_DIR + '/../')).toThrow(/config\.json: cannot read the model config|no model\.safetensors/);
    const empty = path.join(dir, 'empty');
    fs.mkdirSync(empty);
    fs.copyFileSync(path.join(dir, 'saved', 'config.json'), path.join(empty, 'config.json'));
    expect(() => loadCheckpoint(empty)).toThrow(`${empty}: no model.safetensors and no model.safetensors.index.json; is this a Hugging Face checkpoint folder?`);
  });
});
