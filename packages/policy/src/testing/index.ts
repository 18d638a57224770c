// Fixtures and helpers for tests of the policy and of packages that train it.

export { checkGradient, type GradientCheck } from './finite-differences';
export { REFERENCE_MODEL_DIR, referenceCases, type ReferenceCase } from './reference-fixture';
export { randomImage, tinyPromptIds } from './tiny-inputs';
export { rawSafetensors, bf16Bytes } from './raw-safetensors';
export { QWEN_TOKENIZER_DIR } from './qwen-tokenizer';
export { TINY_TOKENIZER_DIR } from './tiny-tokenizer';
