/**
 * Writes the reference fixture: a small random Qwen2.5-VL checkpoint (every feature of the
 * architecture: grouped-query attention, M-RoPE, window and full vision attention, an untied LM
 * head) with two inputs (text only; two images between texts), for dump_logits.py to run.
 *
 *   npx tsx tools/policy-reference/make-reference-fixture.ts [folder]
 *   /usr/bin/python3 tools/policy-reference/dump_logits.py [folder]
 *
 * The folder defaults to packages/policy/src/testing/fixtures/reference-model.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parameterSpecs, parseQwen25VLConfig, PolicyParameters, Rng, saveCheckpoint, selectBackend, writeSafetensors } from '@mixed-r1/policy';

const FOLDER = process.argv[2] ?? path.join(__dirname, '..', '..', 'packages', 'policy', 'src', 'testing', 'fixtures', 'reference-model');

export const REFERENCE_CONFIG = {
  model_type: 'qwen2_5_vl',
  vocab_size: 320,
  hidden_size: 64,
  intermediate_size: 128,
  num_hidden_layers: 2,
  num_attention_heads: 4,
  num_key_value_heads: 2,
  rms_norm_eps: 1e-6,
  rope_theta: 10000,
  rope_scaling: { type: 'mrope', mrope_section: [2, 3, 3] },
  tie_word_embeddings: false,
  bos_token_id: 300,
  eos_token_id: 301,
  vision_start_token_id: 302,
  vision_end_token_id: 303,
  image_token_id: 304,
  vision_config: {
    depth: 3,
    hidden_size: 32,
    intermediate_size: 64,
    num_heads: 2,
    patch_size: 14,
    spatial_merge_size: 2,
    temporal_patch_size: 2,
    window_size: 56,
    fullatt_block_indexes: [1],
    out_hidden_size: 64,
  },
};

/** Weights large enough that attention is far from uniform; norms and biases away from 1 and 0. */
function randomValue(rng: Rng, init: string): number {
  if (init === 'ones') return 1 + 0.2 * rng.nextNormal();
  if (init === 'zeros') return 0.1 * rng.nextNormal();
  return 0.15 * rng.nextNormal();
}

async function main(): Promise<void> {
  await selectBackend('cpu');
  const config = parseQwen25VLConfig(REFERENCE_CONFIG, 'reference config');
  const rng = Rng.fromSeed(2505_24164);
  const values = new Map<string, Float32Array>();
  for (const spec of parameterSpecs(config)) {
    const size = spec.shape.reduce((a, b) => a * b, 1);
    values.set(spec.name, Float32Array.from({ length: size }, () => randomValue(rng, spec.init)));
  }
  const params = PolicyParameters.fromValues(config, values);
  fs.mkdirSync(FOLDER, { recursive: true });
  await saveCheckpoint(FOLDER, params);

  const images = [
    { name: 'image_a', grid: [1, 6, 8] },
    { name: 'image_b', grid: [1, 10, 6] },
  ];
  const rows = images.map(({ name, grid }) => {
    const count = grid[0] * grid[1] * grid[2];
    return { name, shape: [count, 1176], values: Float32Array.from({ length: count * 1176 }, () => rng.nextNormal()) };
  });
  writeSafetensors(path.join(FOLDER, 'reference-inputs.safetensors'), rows);
  const text = (n: number) => Array.from({ length: n }, () => Math.floor(rng.nextFloat() * 300));
  const { visionStartTokenId: vs, visionEndTokenId: ve, imageTokenId: pad } = config.tokens;
  const tokens = (grid: number[]) => Array(grid[1] * grid[2] / 4).fill(pad);
  const cases = [
    { name: 'text', token_ids: text(24), images: [] },
    {
      name: 'two_images',
      token_ids: [...text(3), vs, ...tokens(images[0].grid), ve, ...text(4), vs, ...tokens(images[1].grid), ve, ...text(3)],
      images: images.map(({ name, grid }) => ({ rows: name, grid })),
    },
  ];
  fs.writeFileSync(path.join(FOLDER, 'reference-inputs.json'), `${JSON.stringify({ cases }, null, 1)}\n`);
  console.log(`wrote ${FOLDER}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
