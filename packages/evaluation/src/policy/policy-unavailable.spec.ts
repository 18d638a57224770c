import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPolicyGenerator, GenerationUnavailableError } from './policy-generator';

// A policy package without its generation API.
jest.mock('@mixed-r1/policy', () => ({ loadCheckpoint: () => undefined }));

describe('the policy generator without a policy that can generate', () => {
  it('says generation is not available, what is missing, and that --predictions still works', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'eval-no-policy-'));
    for (const file of ['config.json', 'model.safetensors', 'tokenizer.json']) writeFileSync(path.join(dir, file), '{}');
    const attempt = createPolicyGenerator({ modelDir: dir });
    await expect(attempt).rejects.toThrow(GenerationUnavailableError);
    await expect(createPolicyGenerator({ modelDir: dir })).rejects.toThrow(
      'generation is not available: @mixed-r1/policy does not export selectBackend, PolicyTokenizer, Weights, generate, encodeQuestionPrompt, Rng. Score an existing predictions file instead with --predictions=FILE.',
    );
  });
});
