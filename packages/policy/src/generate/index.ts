export { generate, type GenerationOptions, type GeneratedSequence } from './generate';
export { sampleToken, logProbOf, checkSamplingSettings, LOG_PROB_MODES, type LogProbMode, type SamplingSettings } from './sampler';
export { rolloutRows, imageFromPixels } from './rollout-rows';
