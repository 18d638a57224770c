export type { Qwen25VLConfig, TextConfig, VisionConfig, SpecialTokenIds } from './qwen2-5-vl-config';
export { VISION_RMS_NORM_EPS } from './qwen2-5-vl-config';
export { ConfigError } from './config-error';
export { parseQwen25VLConfig, readQwen25VLConfig } from './parse-config';
export { toHfConfigJson } from './config-json';
export { tinyConfig, TINY_CONFIG_JSON, TINY_TOKEN_IDS } from './tiny-config';
