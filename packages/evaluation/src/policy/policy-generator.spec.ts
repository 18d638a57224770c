import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TINY_TOKENIZER_DIR } from '@mixed-r1/policy/testing';
import { ImageError } from '@mixed-r1/vision';
import { evaluate } from '../cli/evaluate';
import { loadBenchmark } from '../loaders/registry';
import { evalPromptOf } from '../prompt/eval-prompt';
import { fixturePath } from '../testing';
import { createPolicyGenerator } from './policy-generator';

// A randomly initialised model of the tiny configuration, saved as a Hugging Face folder with the
// tiny tokenizer: the real load -> preprocess -> chat template -> KV-cache generation path.
let modelDir: string;
const quiet = () => undefined;

beforeAll(async () => {
  // Imported as the generator imports it (lazily), so the package loads the same way.
  const policy = await import('@mixed-r1/policy');
  await policy.selectBackend('wasm', { log: quiet });
  modelDir = mkdtempSync(path.join(os.tmpdir(), 'eval-tiny-model-'));
  const params = policy.initParameters(policy.tinyConfig(), { seed: 5, std: 0.1 });
  await policy.saveCheckpoint(modelDir, params, { tokenizerFile: path.join(TINY_TOKENIZER_DIR, 'tokenizer.json') });
  params.dispose();
}, 120_000);

describe('the policy generator', () => {
  it('loads a checkpoint folder and generates greedily, the same text every time', async () => {
    const generator = await createPolicyGenerator({ modelDir, generation: { maxNewTokens: 6 }, backend: 'wasm', log: quiet });
    const bench = await loadBenchmark(fixturePath('mixed-bench-mini.tsv'));
    const prompts = bench.rows.slice(0, 2).map((row) => evalPromptOf(row));
    const first = await generator.generate(prompts);
    expect(first).toHaveLength(2);
    expect(first.every((text) => typeof text === 'string')).toBe(true);
    expect(await generator.generate(prompts)).toEqual(first);
    expect(generator.description).toBe(`@mixed-r1/policy on ${modelDir} (wasm backend; greedy; at most 6 new tokens)`);
    generator.close?.();
  }, 120_000);

  it('throws the vision package\'s ImageError for an image it cannot decode (the runner records that row)', async () => {
    const generator = await createPolicyGenerator({ modelDir, generation: { maxNewTokens: 2 }, backend: 'wasm', log: quiet });
    const prompt = { id: 'B/1', text: 'Is it red?', image: { kind: 'base64' as const, base64: Buffer.from('not an image at all').toString('base64') } };
    await expect(generator.generate([prompt])).rejects.toThrow(ImageError);
    generator.close?.();
  }, 60_000);

  it('runs a whole evaluation from --model: predictions appended per benchmark, then scored', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'eval-tiny-out-'));
    const { results } = await evaluate({ benches: [fixturePath('mixed-bench-mini.tsv')], model: modelDir, out, generation: { maxNewTokens: 4 }, backend: 'wasm', batchSize: 2, log: quiet, progress: false });
    expect(results.settings.model).toBe(modelDir);
    expect(results.settings.generation).toMatchObject({ maxNewTokens: 4, temperature: 0 });
    expect(results.benchmarks[0].rows).toBe(5);
    expect(readFileSync(path.join(out, 'predictions', 'mixed-bench-mini.jsonl'), 'utf8').trim().split('\n')).toHaveLength(5);
  }, 120_000);
});
