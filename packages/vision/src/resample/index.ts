// Resampling: Pillow's BICUBIC bit for bit (TypeScript coefficients, WebAssembly SIMD passes), and sharp's cubic.
export { resizePilBicubic } from './pil-bicubic';
export { resizeSharpCubic } from './sharp-cubic';
export { RESAMPLERS, RESAMPLER_NAMES, resamplerNamed, type Resampler, type ResamplerName } from './registry';
export { pilBicubicWasmAvailable } from './pil-bicubic-wasm';
