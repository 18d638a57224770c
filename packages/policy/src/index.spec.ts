import * as policy from './index';
import * as testing from './testing';

describe('the public surface', () => {
  it('exports the documented entry points', () => {
    for (const name of [
      'selectBackend',
      'parseQwen25VLConfig',
      'tinyConfig',
      'initParameters',
      'PolicyParameters',
      'Weights',
      'encodePrompt',
      'extend',
      'loadCheckpoint',
      'saveCheckpoint',
      'PolicyTokenizer',
      'encodeQuestionPrompt',
      'generate',
      'scoreCompletions',
      'nextTokenLoss',
      'lossAndGradients',
      'rolloutRows',
      'Rng',
      'Policy',
    ]) {
      expect(policy).toHaveProperty(name);
    }
    expect(Object.keys(testing).sort()).toEqual(
      ['QWEN_TOKENIZER_DIR', 'REFERENCE_MODEL_DIR', 'TINY_TOKENIZER_DIR', 'bf16Bytes', 'checkGradient', 'randomImage', 'rawSafetensors', 'referenceCases', 'tinyPromptIds'].sort(),
    );
  });
});
