export { SafetensorsFile, FLOAT_DTYPES } from './safetensors-file';
export { writeSafetensors, type NamedFloat32 } from './write-safetensors';
export { f16ToF32, bf16ToF32 } from './float-conversion';
export { toOriginalName } from './tensor-names';
export { loadParameters, checkpointFiles, SINGLE_FILE, INDEX_FILE } from './load-weights';
export {
  saveCheckpoint,
  loadCheckpoint,
  defaultGenerationConfig,
  CONFIG_FILE,
  TOKENIZER_FILE,
  GENERATION_CONFIG_FILE,
  type SaveCheckpointOptions,
  type LoadedCheckpoint,
  type GenerationConfigJson,
} from './checkpoint';
export { writeAtomically, writeFileAtomically } from './atomic-file';
