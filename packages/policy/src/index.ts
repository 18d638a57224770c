// @mixed-r1/policy: the Qwen2.5-VL policy on TensorFlow.js (SPEC.md section 6). The only public surface.

export * from './backend';
export * from './config';
export * from './model';
export * from './weights';
export { Rng, type RngState } from './random/rng';
export * from './tokenizer';
export * from './generate';
export * from './score';
export * from './train';
export { Policy, type Completion } from './policy';
