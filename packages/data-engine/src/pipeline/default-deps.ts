import { decodeImage } from '@mixed-r1/vision';
import type { LimitSettings } from '../config/engine-config';
import { GENERATORS } from '../procedural/registry';
import { adapterNamed } from '../sources/registry';
import { jobDepsOf, type EngineDeps } from './engine-deps';
import type { JobDeps } from './job';

/** The registered source adapters and procedural generators, and the vision package's decoder. */
export function defaultEngineDeps(): EngineDeps {
  return {
    adapterNamed,
    generators: Object.values(GENERATORS),
    decode: (bytes, options) => decodeImage(bytes, options),
  };
}

export function defaultJobDeps(limits: LimitSettings): JobDeps {
  return jobDepsOf(defaultEngineDeps(), limits);
}
